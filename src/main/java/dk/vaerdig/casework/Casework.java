package dk.vaerdig.casework;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The published API of the case file for other modules. */
@Service
public class Casework {

	private final JdbcClient jdbc;

	Casework(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Full names of the given candidates, for lists in other modules (reading the names is the caller's to log). */
	public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		jdbc.sql("SELECT id, first_name || ' ' || last_name AS name FROM candidate WHERE id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				names.put(rs.getLong("id"), rs.getString("name"));
			});
		return names;
	}

	public Optional<CandidateSummary> candidate(long id) {
		return jdbc.sql("""
				SELECT id, first_name, last_name, target_group_code, team_id, caseworker
				FROM candidate WHERE id = ?""").param(id).query(CandidateSummary.class).optional();
	}
}
