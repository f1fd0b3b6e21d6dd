package dev.coachkit.domain.voice;

import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.voice.VoiceCallListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records the events a call sends its client. */
final class RecordingCallListener implements VoiceCallListener {
  private final List<VoiceCallEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(VoiceCallEvent event) {
    events.add(event);
  }

  synchronized List<VoiceCallEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<VoiceCallEvent.Kind> kinds() {
    return events.stream().map(VoiceCallEvent::kind).collect(Collectors.toList());
  }

  <T extends VoiceCallEvent> List<T> of(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  synchronized VoiceCallEvent last() {
    return events.get(events.size() - 1);
  }
}
