package tcptutor.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node of a lesson file with its position (snakeyaml-engine's Node API, so every value
 * knows its line and column). Values are never converted behind our back: "01" stays "01".
 */
final class YNode {
    private final Node node;
    private final String file;

    private YNode(Node node, String file) {
        this.node = node;
        this.file = file;
    }

    /** Parses one YAML document; a syntax error is added to {@code problems} and null returned. */
    static YNode parse(String file, String text, List<Problem> problems) {
        try {
            Optional<Node> n = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
            if (n.isEmpty()) {
                problems.add(Problem.error(Pos.of(file), "empty lesson file", "start with 'id: my-lesson', 'title:' and 'steps:' (see lessons/FORMAT.md)"));
                return null;
            }
            return new YNode(n.get(), file);
        } catch (MarkedYamlEngineException e) {
            Pos p = e.getProblemMark().or(e::getContextMark).map(m -> pos(file, m)).orElse(Pos.of(file));
            String problem = e.getProblem() == null ? "bad YAML" : e.getProblem();
            problems.add(Problem.error(p, "YAML syntax: " + problem,
                    "check the indentation and quoting on this line (a ':' or '#' inside text needs quotes)"));
            return null;
        } catch (YamlEngineException e) {
            problems.add(Problem.error(Pos.of(file), "YAML syntax: " + e.getMessage(), "fix the YAML (see lessons/FORMAT.md)"));
            return null;
        }
    }

    private static Pos pos(String file, Mark m) { return new Pos(file, m.getLine() + 1, m.getColumn() + 1); }

    Pos pos() { return node.getStartMark().map(m -> pos(file, m)).orElse(Pos.of(file)); }

    boolean isScalar() { return node instanceof ScalarNode && !isNull(); }

    boolean isMap() { return node instanceof MappingNode; }

    boolean isList() { return node instanceof SequenceNode; }

    boolean isNull() { return node instanceof ScalarNode && Tag.NULL.equals(node.getTag()); }

    /** "text", "list", "map" or "nothing", for messages. */
    String kind() { return isNull() ? "nothing" : isScalar() ? "a value" : isList() ? "a list" : "a map"; }

    /** The scalar's text as written (without YAML's type conversion). */
    String text() { return node instanceof ScalarNode s ? s.getValue() : ""; }

    List<YNode> items() {
        List<YNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) for (Node n : s.getValue()) out.add(new YNode(n, file));
        return out;
    }

    /** Key → entry in file order. A non-scalar or repeated key is reported and skipped. */
    Map<String, Entry> entries(List<Problem> problems) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) return out;
        for (NodeTuple t : m.getValue()) {
            YNode k = new YNode(t.getKeyNode(), file);
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                problems.add(Problem.error(k.pos(), "a key must be a plain word", "write 'name: value'"));
                continue;
            }
            if (out.containsKey(k.text())) {
                problems.add(Problem.error(k.pos(), "duplicate key '" + k.text() + "'",
                        "remove one of the two (the first is at line " + out.get(k.text()).key().pos().line() + ")"));
                continue;
            }
            out.put(k.text(), new Entry(k, new YNode(t.getValueNode(), file)));
        }
        return out;
    }

    record Entry(YNode key, YNode value) {}
}
