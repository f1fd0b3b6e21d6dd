package dev.coachkit.adapter.web.voice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/coach/voice/sessions/{id}/call}: the provider's WebRTC call id (from the Location). */
record RegisterVoiceCallRequest(
    @NotBlank @Size(max = 256) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be a call id") String callId) {
}
