/** PostgreSQL implementations of the coach-ports store out-ports (Hibernate ORM Panache, Flyway, MapStruct). */
package dev.coachkit.adapter.persistence;
