package dk.vaerdig.access;

/** A team of caseworkers in a department of the job centre. */
public record Team(long id, String name, String department) {
}
