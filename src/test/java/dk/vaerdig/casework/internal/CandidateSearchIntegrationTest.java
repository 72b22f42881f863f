package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.internal.CandidateSearch.DueFilter;
import dk.vaerdig.casework.internal.CandidateSearch.Query;

/**
 * A name search gives the same pages, and the same number of hits, whichever way the database is asked (the name
 * index in order for short words, the trigram index on the stored folded name for longer ones) as a plain query that
 * spells the rule out on its own, without the stored column or the migration's functions: every word, in either of
 * its spellings (unaccent's ASCII, or with æ, ø, å spelt ae, oe, aa), is part of the name in either spelling.
 */
@IntegrationTest
class CandidateSearchIntegrationTest {

	@Autowired
	CandidateSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	TransactionTemplate transactions;

	static final String NAME = "(first_name || ' ' || last_name)";

	static String ascii(String x) {
		return "lower(unaccent(" + x + "))";
	}

	static String danish(String x) {
		return "lower(unaccent(replace(replace(replace(replace(replace(replace(" + x
				+ ", 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'Ae'), 'Ø', 'Oe'), 'Å', 'Aa')))";
	}

	/** The plain query's condition for the words, and its parameters. */
	static String plainCondition(String text, List<Object> params) {
		StringBuilder where = new StringBuilder("TRUE");
		for (String word : text.strip().split("\\s+")) {
			where.append(" AND (strpos(").append(ascii(NAME)).append(", ").append(ascii("CAST(? AS TEXT)")).append(") > 0")
				.append(" OR strpos(").append(danish(NAME)).append(", ").append(ascii("CAST(? AS TEXT)")).append(") > 0")
				.append(" OR strpos(").append(ascii(NAME)).append(", ").append(danish("CAST(? AS TEXT)")).append(") > 0")
				.append(" OR strpos(").append(danish(NAME)).append(", ").append(danish("CAST(? AS TEXT)")).append(") > 0)");
			for (int i = 0; i < 4; i++) {
				params.add(word);
			}
		}
		return where.toString();
	}

	@ParameterizedTest(name = "\"{0}\", team {1}")
	@CsvSource(nullValues = "-", value = { "an, -", "sen, -", "ANNE, -", "hans, -", "nielsen, -", "sen, 1",
			"hansen, 1", "jens, 2", "e h, -", "zzzz, -", "andersen bo, -", "bo ander, -", "jorgensen, -",
			"joergensen, -", "JØRGENSEN, -", "sorensen, 2", "søren hansen, -", "mette ø, -" })
	void everyPageAndTheCountMatchThePlainQuery(String text, Long team) {
		assertPagesAndCountMatchThePlainQuery(text, team);
	}

	@Test
	void aWordThatTooManyNamesHoldIsSearchedInNameOrderWithTheSameResult() {
		// more Tællersens than the words in use are used for: the search walks the name index instead, and finds the
		// same pages (rolled back)
		transactions.executeWithoutResult(status -> {
			candidates.addTellersens(CandidateSearch.BY_WORDS_UP_TO + 1);
			for (String text : List.of("tællersen", "tæl an")) {
				assertPagesAndCountMatchThePlainQuery(text, null);
			}
			status.setRollbackOnly();
		});
	}

	void assertPagesAndCountMatchThePlainQuery(String text, Long team) {
		List<Object> countParams = new ArrayList<>();
		String condition = plainCondition(text, countParams);
		countParams.add(team);
		countParams.add(team);
		long expectedTotal = jdbc.sql("SELECT count(*) FROM candidate WHERE " + condition
				+ " AND (CAST(? AS bigint) IS NULL OR team_id = ?)").params(countParams).query(Long.class).single();
		for (int page = 0; page < 3; page++) {
			List<Object> params = new ArrayList<>(countParams);
			params.add(CandidateSearch.PAGE_SIZE);
			params.add(page * CandidateSearch.PAGE_SIZE);
			List<Long> expected = jdbc.sql("SELECT id FROM candidate WHERE " + condition
					+ " AND (CAST(? AS bigint) IS NULL OR team_id = ?) ORDER BY last_name, first_name, id LIMIT ? OFFSET ?")
				.params(params)
				.query(Long.class)
				.list();
			CandidateSearch.Result result = search.search(new Query(text, null, null, team, DueFilter.ALL, page, null));
			assertThat(result.rows().stream().map(CandidateSearch.Row::id).toList()).as("page %d", page)
				.isEqualTo(expected);
			// a name search counts up to NAME_HITS_COUNTED, then says "more than"
			assertThat(result.total()).as("hits on page %d", page)
				.isEqualTo(Math.min(expectedTotal, CandidateSearch.NAME_HITS_COUNTED));
			assertThat(result.moreThanTotal()).as("more than counted, page %d", page)
				.isEqualTo(expectedTotal > CandidateSearch.NAME_HITS_COUNTED);
		}
	}

	/** How many candidates the plain query finds for the words, in every team. */
	long plainCount(String text) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT count(*) FROM candidate WHERE " + plainCondition(text, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource({ "sen", "tæl", "tællersen", "ersen tæller" })
	void aNameWithMoreHitsThanItCountsSaysMoreThan(String text) {
		transactions.executeWithoutResult(status -> {
			candidates.addTellersens(CandidateSearch.NAME_HITS_COUNTED + 1);
			long all = plainCount(text);
			assertThat(all).isGreaterThan(CandidateSearch.NAME_HITS_COUNTED);
			CandidateSearch.Result result = search.search(new Query(text, null, null, null, DueFilter.ALL, 0, null));
			assertThat(result.total()).isEqualTo(CandidateSearch.NAME_HITS_COUNTED);
			assertThat(result.moreThanTotal()).isTrue();
			assertThat(result.rows()).hasSize(CandidateSearch.PAGE_SIZE);
			assertThat(result.hasNext()).isTrue();
			status.setRollbackOnly();
		});
	}

	@Test
	void aNameWithJustAsManyHitsAsItCountsIsCountedExactly() {
		transactions.executeWithoutResult(status -> {
			candidates.addTellersens(CandidateSearch.NAME_HITS_COUNTED);
			for (String text : List.of("tællersen", "llerse", "tæl")) {
				long all = plainCount(text);
				assertThat(all).as(text).isEqualTo(CandidateSearch.NAME_HITS_COUNTED);
				CandidateSearch.Result result = search.search(new Query(text, null, null, null, DueFilter.ALL, 0, null));
				assertThat(result.total()).as(text).isEqualTo(CandidateSearch.NAME_HITS_COUNTED);
				assertThat(result.moreThanTotal()).as(text).isFalse();
			}
			status.setRollbackOnly();
		});
	}

	@Test
	void aListWithoutANameIsCountedInFull() {
		transactions.executeWithoutResult(status -> {
			candidates.addTellersens(CandidateSearch.NAME_HITS_COUNTED + 1);
			long all = jdbc.sql("SELECT count(*) FROM candidate").query(Long.class).single();
			CandidateSearch.Result result = search.search(new Query("", null, null, null, DueFilter.ALL, 0, null));
			assertThat(result.total()).isEqualTo(all).isGreaterThan(CandidateSearch.NAME_HITS_COUNTED);
			assertThat(result.moreThanTotal()).isFalse();
			status.setRollbackOnly();
		});
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource({ "sen", "hansen", "jørgensen" })
	void theOverdueFilterKeepsItsOrderByDueDate(String text) {
		List<Object> params = new ArrayList<>();
		String condition = plainCondition(text, params);
		params.add(CandidateSearch.PAGE_SIZE);
		List<Long> expected = jdbc.sql("SELECT id FROM candidate WHERE " + condition
				+ " AND next_meeting_due < current_date ORDER BY next_meeting_due, id LIMIT ?")
			.params(params)
			.query(Long.class)
			.list();
		assertThat(search.search(new Query(text, null, null, null, DueFilter.OVERDUE, 0, null))
			.rows()
			.stream()
			.map(CandidateSearch.Row::id)
			.toList()).isEqualTo(expected);
	}

	long candidate(String first, String last, String cpr) {
		return jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, caseworker, team_id)
				SELECT ?, ?, ?, 'LAB02', current_date, username, team_id FROM staff_user WHERE username = 'sagsbehandler'
				RETURNING id""")
			.params(cpr, first, last)
			.query(Long.class)
			.single();
	}

	List<Long> found(String text) {
		return found(text, null);
	}

	/** The first page's candidates, in one team's scope or (null) in all. */
	List<Long> found(String text, Long team) {
		return search.search(new Query(text, null, null, null, DueFilter.ALL, 0, team))
			.rows()
			.stream()
			.map(CandidateSearch.Row::id)
			.toList();
	}

	@Test
	void danishLettersAndAccentsAreFoldedAndWordsMatchInAnyOrder() {
		long aase = candidate("Åse", "Kjærgaard-Ørsted", "020240-1001");
		long jose = candidate("José", "Müllerqvist", "030240-1002");
		long bo = candidate("Bo", "Andersen", "040240-1003");
		assertThat(found("andersen bo")).contains(bo);
		assertThat(found("bo ander")).contains(bo);
		for (String text : List.of("ase kjaergaard orsted", "aase oersted", "ØRSTED åse", "kjærgård", "orsted kjaer",
				"Kjaergaard-Oersted", "gaard-ør")) {
			assertThat(found(text)).as(text).contains(aase);
		}
		for (String text : List.of("jose mullerqvist", "MÜLLERQVIST josé", "llerqv")) {
			assertThat(found(text)).as(text).contains(jose);
		}
		for (String text : List.of("ase kjaergaard ostergaard", "aase jose", "kjærgård müllerqvist")) {
			assertThat(found(text)).as("every word must match: " + text).doesNotContain(aase, jose);
		}
	}

	@Test
	void aFoldedWordCanBeSearchedThroughTheTrigramIndex() {
		// with as many words in use as a municipality's names hold, and sequential scans priced out, the plan shows
		// whether the index can serve the search's condition at all (rolled back: the words and their statistics)
		String plan = transactions.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("INSERT INTO name_word SELECT substr(md5(g::text), 1, 4 + g % 6), 1 FROM generate_series(1, 20000) g"
					+ " ON CONFLICT DO NOTHING").update();
			jdbc.sql("ANALYZE name_word").update();
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("""
					EXPLAIN SELECT word FROM name_word v
					WHERE (v.word LIKE ? ESCAPE '\\' OR v.word LIKE ? ESCAPE '\\')""")
				.params("%jorgensen%", "%joergensen%")
				.query(String.class)
				.list());
		});
		assertThat(plan).contains("name_word_trgm_idx");
	}

	/** How many candidates' names hold the word, by the words in use; null when the word is not among them. */
	Integer wordInUse(String word) {
		return jdbc.sql("SELECT candidates FROM name_word WHERE word = ?").param(word).query(Integer.class).optional()
			.orElse(null);
	}

	@Test
	void theWordsInUseFollowANameChangeAndATeamChangeAndGoWithTheirLastCandidate() {
		transactions.executeWithoutResult(status -> {
			long team = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'sagsbehandler'").query(Long.class)
				.single();
			long otherTeam = jdbc.sql("SELECT id FROM team WHERE id <> ? ORDER BY id LIMIT 1").param(team)
				.query(Long.class).single();
			long first = candidate("Quirin", "Zøllbrandt", "050240-1004");
			long second = candidate("Quirin", "Åbelhøj", "060240-1005");
			assertThat(found("zollbrandt", team)).containsExactly(first);
			assertThat(found("zoellbrandt", team)).containsExactly(first);
			assertThat(found("quirin", team)).containsExactlyInAnyOrder(first, second);
			assertThat(wordInUse("quirin")).isEqualTo(2);
			assertThat(wordInUse("zoellbrandt")).isEqualTo(1);

			// a new last name: found by it, no longer by the old one, and the old one's words are gone
			jdbc.sql("UPDATE candidate SET last_name = 'Vindbjørg' WHERE id = ?").param(first).update();
			assertThat(found("zollbrandt", team)).isEmpty();
			assertThat(found("vindbjorg", team)).containsExactly(first);
			assertThat(wordInUse("zollbrandt")).isNull();
			assertThat(wordInUse("zoellbrandt")).isNull();
			assertThat(wordInUse("quirin")).isEqualTo(2);
			// the results are sorted by the new name
			assertThat(found("quirin", team)).containsExactly(first, second);

			// another team: found in that team's scope, not in the old one's
			jdbc.sql("UPDATE candidate SET team_id = ? WHERE id = ?").params(otherTeam, first).update();
			assertThat(found("vindbjorg", team)).isEmpty();
			assertThat(found("vindbjorg", otherTeam)).containsExactly(first);
			assertThat(found("quirin", team)).containsExactly(second);

			// a word stays while a candidate bears it, and goes with the last one
			jdbc.sql("DELETE FROM candidate WHERE id = ?").param(first).update();
			assertThat(wordInUse("vindbjorg")).isNull();
			assertThat(wordInUse("vindbjoerg")).isNull();
			assertThat(wordInUse("quirin")).isEqualTo(1);
			jdbc.sql("DELETE FROM candidate WHERE id = ?").param(second).update();
			assertThat(wordInUse("quirin")).isNull();
			assertThat(jdbc.sql("SELECT count(*) FROM candidate_name_word WHERE candidate_id IN (?, ?)")
				.params(first, second).query(Long.class).single()).isZero();
			status.setRollbackOnly();
		});
	}

	@Test
	void aDeleteOfManyCandidatesCountsTheirWordsDownOnce() {
		transactions.executeWithoutResult(status -> {
			long first = candidate("Xaverine", "Pølsevig", "070240-1006");
			long second = candidate("Xaverine", "Pølsevig", "080240-1007");
			long third = candidate("Xaverine", "Ulvsund", "090240-1008");
			assertThat(wordInUse("xaverine")).isEqualTo(3);
			assertThat(wordInUse("poelsevig")).isEqualTo(2);
			jdbc.sql("DELETE FROM candidate WHERE id IN (?, ?)").params(first, second).update();
			assertThat(wordInUse("xaverine")).isEqualTo(1);
			assertThat(wordInUse("polsevig")).isNull();
			assertThat(wordInUse("poelsevig")).isNull();
			assertThat(found("xaverine")).containsExactly(third);
			status.setRollbackOnly();
		});
	}

	@Test
	void everyCandidateHasExactlyTheWordsOfItsName() {
		// the trigger's result equals the rule, for every candidate of the test data: the distinct words of the folded
		// name, the team and the name; and every word in use counts the candidates that bear it
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (
				  (SELECT w, team_id, last_name, first_name, id FROM candidate,
				          unnest(string_to_array(search_name, ' ')) w WHERE w <> ''
				   EXCEPT SELECT word, team_id, last_name, first_name, candidate_id FROM candidate_name_word)
				  UNION ALL
				  (SELECT word, team_id, last_name, first_name, candidate_id FROM candidate_name_word
				   EXCEPT SELECT w, team_id, last_name, first_name, id FROM candidate,
				          unnest(string_to_array(search_name, ' ')) w WHERE w <> '')) difference""")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM name_word v FULL JOIN (SELECT word, count(*) AS n FROM candidate_name_word
				GROUP BY word) w ON w.word = v.word WHERE v.candidates IS DISTINCT FROM w.n""")
			.query(Long.class).single()).isZero();
	}
}
