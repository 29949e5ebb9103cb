package tcptutor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.Side;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

class ParserTest {
    private final Parser parser = new Parser();

    private Command.Send send(String line) { return (Command.Send) parser.parse(line); }

    private CommandError error(String line) {
        try {
            parser.parse(line);
        } catch (CommandError e) {
            return e;
        }
        throw new AssertionError("parsed: " + line);
    }

    @Test void blankLinesAndComments_parseToNothing() {
        assertThat(parser.parse("")).isNull();
        assertThat(parser.parse("   ")).isNull();
        assertThat(parser.parse("# a comment")).isNull();
        assertThat(parser.parse("#comment")).isNull();
    }

    @Test void syn_leavesNumbersForAssist() {
        Command.Send s = send("syn");
        assertThat(s.flags()).isEqualTo(Flags.SYN);
        assertThat(s.seq()).isNull();
        assertThat(s.ack()).isNull();
        assertThat(s.win()).isNull();
        assertThat(s.options()).isNull();
        assertThat(s.numbering()).isEqualTo(Command.Numbering.SESSION);
    }

    @Test void syn_withFieldsAndOptions() {
        Command.Send s = send("syn seq=1000 win=64240 mss=1460 sackok ts=100,0 wscale=7 dport=81");
        assertThat(s.seq()).isEqualTo(1000L);
        assertThat(s.win()).isEqualTo(64240L);
        assertThat(s.dstPort()).isEqualTo(81);
        assertThat(s.options()).containsExactly(new TcpOption.Mss(1460), TcpOption.SACK_PERMITTED,
                new TcpOption.Timestamps(100, 0), new TcpOption.WindowScale(7));
        assertThat(s.tsVal()).isEqualTo(100L);
        assertThat(s.tsEcr()).isEqualTo(0L);
    }

    @Test void verbs_mapToFlags() {
        assertThat(send("ack").flags()).isEqualTo(Flags.ACK);
        assertThat(send("fin").flags()).isEqualTo(Flags.FIN | Flags.ACK);
        assertThat(send("rst").flags()).isEqualTo(Flags.RST);
        assertThat(send("synack").flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(send("data 3").flags()).isEqualTo(Flags.PSH | Flags.ACK);
    }

    @Test void data_takesQuotedTextOrAByteCount() {
        assertThat(new String(send("data \"hello world\"").payload(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(send("data 100").payload()).hasSize(100);
        assertThat(new String(send("data \"a\\nb\"").payload(), StandardCharsets.UTF_8)).isEqualTo("a\nb");
    }

    @Test void send_readsLettersAndWords() {
        assertThat(send("send S.").flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(send("send SYN+ACK").flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(send("send syn,ack").flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(send("send R.").flags()).isEqualTo(Flags.RST | Flags.ACK);
        assertThat(send("send FP.").flags()).isEqualTo(Flags.FIN | Flags.PSH | Flags.ACK);
        assertThat(send("send SEW").flags()).isEqualTo(Flags.SYN | Flags.ECE | Flags.CWR);
        assertThat(send("send - seq=5").flags()).isZero();
        assertThat(send("send P. \"hi\" seq=1 ack=1").payload()).hasSize(2);
    }

    @Test void packetdrillLine_isAcceptedAsWritten() {
        Command.Send s = send("< S. 0:0(0) ack 1 win 1000");
        assertThat(s.flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(s.seq()).isEqualTo(0L);
        assertThat(s.ack()).isEqualTo(1L);
        assertThat(s.win()).isEqualTo(1000L);
        assertThat(s.numbering()).isEqualTo(Command.Numbering.PACKETDRILL);
        Command.Send o = send("+0.1 < S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop,nop,wscale 7>");
        assertThat(o.delayMicros()).isEqualTo(100_000);
        assertThat(o.options()).containsExactly(new TcpOption.Mss(1000), TcpOption.SACK_PERMITTED, TcpOption.NOP,
                TcpOption.NOP, TcpOption.NOP, new TcpOption.WindowScale(7));
        assertThat(send("+0 < P. 1:101(100) ack 1 win 257").payload()).hasSize(100);
        assertThat(send("< . 1:1(0) ack 1 win 257 <nop,nop,TS val 5 ecr 7>").tsEcr()).isEqualTo(7L);
    }

    @Test void packetdrillLine_withBadRangeOrOutboundDirection_isRejected() {
        assertThat(error("< P. 1:10(100) ack 1").oneLine()).contains("END - START must equal LEN");
        assertThat(error("> S. 0:0(0) ack 1").column()).isEqualTo(1);
        assertThat(error("< S. 0:0(0) ack 1 wni 5").suggestion()).isEqualTo("win");
    }

    @Test void unknownCommand_saysColumnAndSuggests() {
        CommandError e = error("fni");
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.suggestion()).isEqualTo("fin");
        assertThat(e.oneLine()).isEqualTo("column 1: unknown command 'fni': expected a command such as syn, ack, fin, data,"
                + " peer, wait, show (type 'help' for all); did you mean 'fin'?");
    }

    @Test void badField_pointsAtIt() {
        CommandError e = error("ack sqe=5");
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.suggestion()).isEqualTo("seq=5");
        CommandError big = error("ack seq=99999999999");
        assertThat(big.column()).isEqualTo(9);
        assertThat(big.getMessage()).contains("between 0 and 4294967295");
        assertThat(error("syn win=abc").column()).isEqualTo(9);
        assertThat(error("data").getMessage()).contains("\"text\"");
        assertThat(error("data hello").suggestion()).isEqualTo("\"hello\"");
        assertThat(error("send").column()).isEqualTo(5);
        assertThat(error("send SX").getMessage()).contains("expected flags");
        assertThat(error("data \"open").getMessage()).contains("unterminated string");
    }

    @Test void socketCalls_parse() {
        assertThat(parser.parse("you connect")).isEqualTo(new Command.SocketCall("you connect", Side.YOU, Command.Action.CONNECT, null, null, null, null, null));
        Command.SocketCall l = (Command.SocketCall) parser.parse("peer listen 8080 backlog=2");
        assertThat(l.port()).isEqualTo(8080);
        assertThat(l.backlog()).isEqualTo(2);
        Command.SocketCall s = (Command.SocketCall) parser.parse("peer send \"hi\"");
        assertThat(s.data()).containsExactly('h', 'i');
        Command.SocketCall o = (Command.SocketCall) parser.parse("peer setsockopt so_linger 0");
        assertThat(o.optName()).isEqualTo("SO_LINGER");
        assertThat(o.optValue()).isEqualTo(0L);
        assertThat(((Command.SocketCall) parser.parse("peer setsockopt TCP_KEEPIDLE=10")).optValue()).isEqualTo(10L);
        assertThat(error("peer acept").suggestion()).isEqualTo("accept");
        assertThat(error("peer setsockopt SO_LINGRE 1").suggestion()).isEqualTo("SO_LINGER");
        assertThat(error("you close now").column()).isEqualTo(11);
    }

    @Test void time_andFaults() {
        assertThat(parser.parse("wait 200ms")).isEqualTo(new Command.Wait("wait 200ms", 200_000, 0));
        assertThat(parser.parse("wait 3s")).isEqualTo(new Command.Wait("wait 3s", 3_000_000, 0));
        assertThat(parser.parse("wait 2msl")).isEqualTo(new Command.Wait("wait 2msl", 0, 2));
        assertThat(parser.parse("wait 1.5s")).isEqualTo(new Command.Wait("wait 1.5s", 1_500_000, 0));
        CommandError e = error("wait 200");
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.suggestion()).isEqualTo("200ms");
        assertThat(error("wait 3sec2").getMessage()).contains("unit");
        assertThat(parser.parse("step")).isEqualTo(new Command.Step("step", 1));
        assertThat(parser.parse("step 3")).isEqualTo(new Command.Step("step 3", 3));
        assertThat(parser.parse("drop next")).isEqualTo(new Command.Fault("drop next", Command.FaultKind.DROP, Side.PEER, 0));
        assertThat(((Command.Fault) parser.parse("drop next to peer")).from()).isEqualTo(Side.YOU);
        assertThat(((Command.Fault) parser.parse("dup next from you")).from()).isEqualTo(Side.YOU);
        assertThat(parser.parse("delay next 300ms")).isEqualTo(new Command.Fault("delay next 300ms", Command.FaultKind.DELAY, Side.PEER, 300_000));
        assertThat(((Command.Loss) parser.parse("loss 10%")).rate()).isEqualTo(0.1);
        assertThat(error("drop nxt").suggestion()).isEqualTo("next");
        assertThat(error("loss lots").column()).isEqualTo(6);
    }

    @Test void views() {
        assertThat(parser.parse("show tcb peer")).isEqualTo(new Command.Show("show tcb peer", Command.View.TCB, Side.PEER, null));
        assertThat(parser.parse("show header #3")).isEqualTo(new Command.Show("show header #3", Command.View.HEADER, null, 3));
        assertThat(parser.parse("show hex 2")).isEqualTo(new Command.Show("show hex 2", Command.View.HEX, null, 2));
        assertThat(parser.parse("explain #2")).isEqualTo(new Command.Explain("explain #2", 2));
        assertThat(parser.parse("explain")).isEqualTo(new Command.Explain("explain", null));
        assertThat(error("show ladderr").suggestion()).isEqualTo("ladder");
        assertThat(error("show header you").column()).isEqualTo(13);
    }

    @Test void settings() {
        assertThat(parser.parse("set numbers absolute")).isEqualTo(new Command.SetNumbers("set numbers absolute", false));
        assertThat(parser.parse("set assist off")).isEqualTo(new Command.SetAssist("set assist off", false));
        assertThat(parser.parse("set profile rfc9293")).isEqualTo(new Command.SetProfile("set profile rfc9293", Profile.RFC9293));
        assertThat(parser.parse("set seed 42")).isEqualTo(new Command.SetSeed("set seed 42", 42));
        Command.SetKnob k = (Command.SetKnob) parser.parse("set tcp_syn_retries=3");
        assertThat(k.knob()).isEqualTo(Knob.tcp_syn_retries);
        assertThat(k.values()).containsExactly(3);
        assertThat(((Command.SetKnob) parser.parse("set net.ipv4.tcp_rmem=4096,1000,9000")).values()).containsExactly(4096, 1000, 9000);
        assertThat(((Command.SetKnob) parser.parse("set tcp_fin_timeout 30")).values()).containsExactly(30);
        CommandError e = error("set tcp_syn_retires=3");
        assertThat(e.suggestion()).isEqualTo("tcp_syn_retries");
        assertThat(error("set tcp_rmem=1").getMessage()).contains("3 numbers");
        assertThat(error("set numbers relatve").suggestion()).isEqualTo("relative");
    }

    @Test void sessionCommands() {
        assertThat(parser.parse("reset")).isInstanceOf(Command.Reset.class);
        assertThat(parser.parse("history")).isInstanceOf(Command.History.class);
        assertThat(parser.parse("save demo.txt")).isEqualTo(new Command.Save("save demo.txt", "demo.txt"));
        assertThat(parser.parse("load \"my demo.txt\"")).isEqualTo(new Command.Load("load \"my demo.txt\"", "my demo.txt"));
        assertThat(parser.parse("help fin")).isEqualTo(new Command.Help("help fin", "fin"));
        assertThat(parser.parse("quit")).isInstanceOf(Command.Quit.class);
        assertThat(parser.parse("exit")).isInstanceOf(Command.Quit.class);
        assertThat(error("reset now").getMessage()).contains("takes no arguments");
    }

    @Test void exportPcap_takesAFormatAndAFile() {
        assertThat(parser.parse("export pcap s.pcap")).isEqualTo(new Command.Export("export pcap s.pcap", "pcap", "s.pcap"));
        assertThat(parser.parse("export PCAP \"my s.pcap\"")).isEqualTo(new Command.Export("export PCAP \"my s.pcap\"", "pcap", "my s.pcap"));
        assertThat(error("export").getMessage()).contains("a format: pcap");
        assertThat(error("export pcap").getMessage()).contains("a file name");
        CommandError csv = error("export csv s.csv");
        assertThat(csv.column()).isEqualTo(8);
        assertThat(csv.suggestion()).isEqualTo("export pcap s.csv");
        assertThat(error("export pcap a b").getMessage()).contains("at most 2 arguments");
    }

    @Test void extensionCommands_parseAsWords() {
        ExtraCommands lessons = () -> List.of(new CommandInfo("hint", "hint", "a hint"), new CommandInfo("lesson", "lesson ID", "start a lesson"));
        Parser p = new Parser(() -> List.of(lessons));
        Command.Extension e = (Command.Extension) p.parse("lesson handshake");
        assertThat(e.name()).isEqualTo("lesson");
        assertThat(e.args()).extracting(Token::text).containsExactly("handshake");
        CommandError err = null;
        try { p.parse("hnit"); } catch (CommandError x) { err = x; }
        assertThat(err.suggestion()).isEqualTo("hint");
    }
}
