package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.internal.CandidateSearch.DueFilter;
import dk.vaerdig.casework.internal.CandidateSearch.Query;

/**
 * A name search gives the same pages whichever way the database is asked (the name index in order for short
 * fragments, the trigram index for longer ones): compared with the plain query over the demo data.
 */
@IntegrationTest
class CandidateSearchIntegrationTest {

	@Autowired
	CandidateSearch search;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "\"{0}\", team {1}")
	@CsvSource(nullValues = "-", value = { "an, -", "sen, -", "ANNE, -", "hans, -", "nielsen, -", "sen, 1",
			"hansen, 1", "jens, 2", "e h, -", "zzzz, -" })
	void everyPageMatchesThePlainQuery(String text, Long team) {
		for (int page = 0; page < 3; page++) {
			List<Long> expected = jdbc.sql("""
					SELECT id FROM candidate
					WHERE lower(first_name || ' ' || last_name) LIKE ? AND (CAST(? AS bigint) IS NULL OR team_id = ?)
					ORDER BY last_name, first_name, id LIMIT ? OFFSET ?""")
				.params("%" + text.toLowerCase() + "%", team, team, CandidateSearch.PAGE_SIZE, page * CandidateSearch.PAGE_SIZE)
				.query(Long.class)
				.list();
			List<Long> found = search.search(new Query(text, null, null, team, DueFilter.ALL, page, null))
				.rows()
				.stream()
				.map(CandidateSearch.Row::id)
				.toList();
			assertThat(found).as("page %d", page).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource({ "sen", "hansen" })
	void theOverdueFilterKeepsItsOrderByDueDate(String text) {
		List<Long> expected = jdbc.sql("""
				SELECT id FROM candidate
				WHERE lower(first_name || ' ' || last_name) LIKE ? AND next_meeting_due < current_date
				ORDER BY next_meeting_due, id LIMIT ?""")
			.params("%" + text + "%", CandidateSearch.PAGE_SIZE)
			.query(Long.class)
			.list();
		assertThat(search.search(new Query(text, null, null, null, DueFilter.OVERDUE, 0, null))
			.rows()
			.stream()
			.map(CandidateSearch.Row::id)
			.toList()).isEqualTo(expected);
	}
}
