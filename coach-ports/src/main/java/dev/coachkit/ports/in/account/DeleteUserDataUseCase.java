package dev.coachkit.ports.in.account;

/** Driving port: deletes everything stored about a user (ending an open voice session first); idempotent. */
public interface DeleteUserDataUseCase {

  void delete(DeleteUserDataCommand command);
}
