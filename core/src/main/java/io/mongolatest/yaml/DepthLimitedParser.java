package io.mongolatest.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

import io.mongolatest.MongoLatestException;

/**
 * A YAML parser that refuses collections nested deeper than a limit. The composer builds a node tree by
 * recursion, one pair of frames per level, so a file nested thousands of levels deep would overflow the stack;
 * the events come to it one by one through here, and the file is refused at the first level too many.
 */
final class DepthLimitedParser implements Parser {
    private final Parser parser;
    private final String file;
    private final int maxDepth;
    private int depth;

    DepthLimitedParser(Parser parser, String file, int maxDepth) {
        this.parser = parser;
        this.file = file;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case SequenceStart, MappingStart -> {
                if (++depth > maxDepth) {
                    String line = e.getStartMark().map(m -> ":" + (m.getLine() + 1)).orElse("");
                    throw MongoLatestException.user(file + line + ": invalid YAML: lists and mappings nested deeper"
                            + " than " + maxDepth + " levels");
                }
            }
            case SequenceEnd, MappingEnd -> depth--;
            default -> {
            }
        }
        return e;
    }
}
