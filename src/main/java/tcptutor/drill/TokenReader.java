package tcptutor.drill;

import java.util.List;
import tcptutor.drill.Lexer.Token;
import tcptutor.drill.Lexer.Type;

/** Walks a script's tokens for the parser: look ahead, take, expect, read numbers, and build errors at a token. */
abstract class TokenReader {
    final String file;
    private final List<Token> toks;
    private int i;

    TokenReader(String file, List<Token> toks) {
        this.file = file;
        this.toks = toks;
    }

    /** The token taken last. */
    Token previous() { return toks.get(Math.max(0, i - 1)); }

    Token peek() { return toks.get(i); }

    Token next() {
        Token t = toks.get(i);
        if (t.type() != Type.EOF) i++;
        return t;
    }

    void expectChar(char c, String what) {
        Token t = next();
        if (!t.is(c)) throw error(t, "expected " + what + ", found " + t.show());
    }

    void expectWord(String w, String what) {
        Token t = next();
        if (!t.isWord(w)) throw error(t, "expected " + what + ", found " + t.show());
    }

    long number(String what) {
        Token t = next();
        if (t.type() != Type.INT) throw error(t, "expected " + what + ", found " + t.show());
        return integer(t);
    }

    long integer(Token t) {
        try {
            return t.text().startsWith("0x") ? Long.parseLong(t.text().substring(2), 16) : Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "expected a number that fits in 64 bits, found " + t.text());
        }
    }

    long u32(String what, String field) {
        Token t = peek();
        long v = number(what);
        if (v < 0 || v > 0xFFFFFFFFL) throw error(t, field + " out of range: expected 0 to 4294967295, found " + v);
        return v;
    }

    long ranged(String what, long max, String field) {
        Token t = peek();
        long v = number(what);
        if (v < 0 || v > max) throw error(t, field + " out of range: expected 0 to " + max + ", found " + v);
        return v;
    }

    ScriptError error(Token t, String what) { return new ScriptError(file, t.line(), t.col(), what); }
}
