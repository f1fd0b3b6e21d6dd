package dev.coachkit.ports.in.account;

import dev.coachkit.ports.model.account.UserDataExport;

/** Driving port: assembles everything stored about a user from every store. */
public interface ExportUserDataUseCase {

  UserDataExport export(ExportUserDataQuery query);
}
