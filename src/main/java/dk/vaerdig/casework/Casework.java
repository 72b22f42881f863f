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

	public Optional<CandidateSummary> candidate(long id) {
		return jdbc.sql("""
				SELECT id, first_name, last_name, target_group_code, team_id, caseworker
				FROM candidate WHERE id = ?""").param(id).query(CandidateSummary.class).optional();
	}
}
