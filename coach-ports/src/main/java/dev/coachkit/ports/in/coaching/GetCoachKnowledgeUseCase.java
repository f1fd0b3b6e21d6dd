package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.CoachKnowledge;

/** Driving port: answers "what does the coach know about me". */
public interface GetCoachKnowledgeUseCase {

  CoachKnowledge get(GetCoachKnowledgeQuery query);
}
