package dev.coachkit.server.coach;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a Server-Sent Events body into (event name, data) pairs, in order. */
final class SseEvents {

  private SseEvents() {
  }

  static List<Map.Entry<String, String>> parse(String body) {
    List<Map.Entry<String, String>> events = new ArrayList<>();
    String name = null;
    StringBuilder data = new StringBuilder();
    for (String line : body.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (data.length() > 0 || name != null) {
          events.add(new AbstractMap.SimpleEntry<>(name == null ? "message" : name, data.toString()));
        }
        name = null;
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
      }
    }
    if (data.length() > 0 || name != null) {
      events.add(new AbstractMap.SimpleEntry<>(name == null ? "message" : name, data.toString()));
    }
    return events;
  }
}
