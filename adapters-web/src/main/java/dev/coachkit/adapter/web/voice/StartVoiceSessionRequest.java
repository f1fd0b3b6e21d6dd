package dev.coachkit.adapter.web.voice;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/coach/voice/sessions}; every field is optional. {@code transport} is {@code relay}
 * (default, audio through the server's WebSocket) or {@code webrtc} (the browser calls the model directly).
 */
record StartVoiceSessionRequest(
    @Pattern(regexp = "(?i)relay|webrtc", message = "must be relay or webrtc") String transport,
    @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a voice name") String voice,
    @Pattern(regexp = "(?i)fitness_coach|wellness_counsellor|learning_mentor_student|learning_mentor_teacher"
        + "|learning_mentor_family", message = "must be a persona") String persona,
    @Size(min = 2, max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 tag")
        String language,
    @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        message = "must be a UUID") String conversationId) {
}
