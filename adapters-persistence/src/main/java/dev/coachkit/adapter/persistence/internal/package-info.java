/** Internals of the persistence adapter: JPA entities, Panache repositories, MapStruct mappers and JSON codecs. */
package dev.coachkit.adapter.persistence.internal;
