package dk.vaerdig.casework.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.CandidateFinder;
import dk.vaerdig.platform.Cpr;

/** The candidate with this CPR number, for a MitID login (access's {@link CandidateFinder}). */
@Component
class CandidatesByCpr implements CandidateFinder {

	private final JdbcClient jdbc;

	CandidatesByCpr(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Found> byCpr(Cpr cpr) {
		return jdbc.sql("SELECT id, first_name FROM candidate WHERE cpr = ?")
			.param(cpr.value())
			.query((rs, n) -> new Found(rs.getLong("id"), rs.getString("first_name")))
			.optional();
	}
}
