package dk.vaerdig.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.platform.Cpr;

/**
 * The candidate list: search by name or CPR, filter by target group, caseworker, team and due date; paged, with the
 * number of hits. A name search matches its words in any order, each anywhere in the name, with Danish letters and
 * accents folded by PostgreSQL ({@code name_search_key} in {@code V61}): "andersen bo" finds Bo Andersen, "jorgensen"
 * and "joergensen" find Jørgensen.
 */
@Service
public class CandidateSearch {

	private static final Pattern CPR_LIKE = Pattern.compile("\\d{6}-?\\d{4}");

	private static final Pattern BIRTH_DATE = Pattern.compile("\\d{6}");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** More words than this in a name search are ignored: no one has a name that long. */
	static final int MAX_WORDS = 6;

	public static final int PAGE_SIZE = 25;

	/**
	 * A name search finds its candidates through the words in use (V210: the few words that contain a query word,
	 * through their trigram index, then the candidates with one of them, from one index) when one of its words is
	 * held by at most this many candidates' names; it takes the word held by the fewest. A search of one such word,
	 * with at most a team, then reads no candidate's row but those of the page it shows; with more words or other
	 * filters the candidates with the chosen word are checked against all of them. A word that more names hold ("sen"
	 * is part of 40,000 names in 50,000 candidates) is searched by walking the name index in order, which finds a page
	 * sooner than sorting them all. (Before V210 the trigram index on the names read 2,500 candidate rows for "hansen",
	 * 4.5 ms; walking the name index for a rarer name such as "pedersen" passed 36,000 rows before its first match,
	 * 25 ms.)
	 */
	static final int BY_WORDS_UP_TO = 5000;

	/** A query word is counted in the words in use from this many letters (the trigram index needs three). */
	static final int COUNTED_FROM = 3;

	/**
	 * A name search says how many it found up to this many, then "more than" it. A short fragment is part of most
	 * names ("sen" of 40,000 in 50,000 candidates), and counting them all read the whole table, 7.5 ms of PostgreSQL's
	 * CPU a search, for a number that tells a caseworker only to type more of the name.
	 */
	public static final int NAME_HITS_COUNTED = 1000;

	private static final String COLUMNS = """
			SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
			       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
			""";

	private static final String JOINS = """
			JOIN team t ON t.id = c.team_id
			LEFT JOIN staff_user u ON u.username = c.caseworker""";

	private final JdbcClient jdbc;

	private final Timeliness timeliness;

	CandidateSearch(JdbcClient jdbc, Timeliness timeliness) {
		this.jdbc = jdbc;
		this.timeliness = timeliness;
	}

	public enum DueFilter {
		ALL, OVERDUE, DUE_SOON
	}

	/** teamScope, when set, limits the search to one team whatever the other filters say. */
	public record Query(String text, String targetGroup, String caseworker, Long team, DueFilter due, int page,
			Long teamScope) {

		/** Whether the text looks like a CPR number (then it is searched exactly, never by name). */
		public boolean isCprSearch() {
			return looksLikeCpr(text);
		}
	}

	public static boolean looksLikeCpr(String text) {
		return text != null && CPR_LIKE.matcher(text.strip()).matches();
	}

	public record Row(long id, String firstName, String lastName, String cprMasked, String targetGroupCode,
			String caseworker, String caseworkerName, String teamName, LocalDate nextMeetingDue, boolean overdue) {
	}

	/**
	 * @param total how many candidates match in all, on every page; for a name search at most
	 *        {@link #NAME_HITS_COUNTED}
	 * @param moreThanTotal whether more than {@code total} match (a name search with more hits than it counts)
	 */
	public record Result(List<Row> rows, boolean hasNext, int page, long total, boolean moreThanTotal) {
	}

	public Result search(Query q) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		List<Object> params = new ArrayList<>();
		String text = q.text() == null ? "" : q.text().strip();
		boolean byName = false;
		// the word that the fewest candidates' names hold, when it is few enough to find them through the words in use
		FoldedWord byWords = null;
		int nameWords = 0;
		if (!text.isEmpty()) {
			if (q.isCprSearch()) {
				where.append(" AND c.cpr = ?");
				params.add(Cpr.isValid(text) ? Cpr.of(text).value() : text);
			}
			else if (BIRTH_DATE.matcher(text).matches()) {
				// a range, not LIKE, so the unique index on cpr is used
				where.append(" AND c.cpr BETWEEN ? AND ?");
				params.add(text + "-0000");
				params.add(text + "-9999");
			}
			else {
				byName = true;
				for (FoldedWord word : fold(words(text))) {
					// either spelling of the word somewhere in the folded name (which holds both of its spellings)
					where.append(" AND (c.search_name LIKE ? ESCAPE '\\'");
					params.add(word.plainPattern());
					if (word.twoSpellings()) {
						where.append(" OR c.search_name LIKE ? ESCAPE '\\'");
						params.add(word.danishPattern());
					}
					where.append(")");
					if (word.inUse() >= 0 && word.inUse() <= BY_WORDS_UP_TO
							&& (byWords == null || word.inUse() < byWords.inUse())) {
						byWords = word;
					}
					nameWords++;
				}
			}
		}
		if (q.targetGroup() != null && !q.targetGroup().isBlank()) {
			where.append(" AND c.target_group_code = ?");
			params.add(q.targetGroup());
		}
		if (q.caseworker() != null && !q.caseworker().isBlank()) {
			where.append(" AND c.caseworker = ?");
			params.add(q.caseworker());
		}
		if (q.team() != null) {
			where.append(" AND c.team_id = ?");
			params.add(q.team());
		}
		if (q.teamScope() != null) {
			where.append(" AND c.team_id = ?");
			params.add(q.teamScope());
		}
		LocalDate today = timeliness.today();
		String order = " ORDER BY c.last_name, c.first_name, c.id";
		if (q.due() == DueFilter.OVERDUE) {
			where.append(" AND c.next_meeting_due < ?");
			params.add(today);
			order = " ORDER BY c.next_meeting_due, c.id";
		}
		else if (q.due() == DueFilter.DUE_SOON) {
			where.append(" AND c.next_meeting_due >= ? AND c.next_meeting_due <= ?");
			params.add(today);
			params.add(timeliness.dueSoonLimit(10));
			order = " ORDER BY c.next_meeting_due, c.id";
		}
		int page = Math.max(0, q.page());
		List<Object> filterParams = List.copyOf(params);
		String sql;
		if (byWords != null) {
			// the matches are fenced off in a materialised CTE, so the planner cannot walk an index in sort order
			// instead; they come from the words in use that contain the chosen query word (V210)
			List<Object> hitParams = new ArrayList<>();
			String candidatesWithTheWord = "SELECT DISTINCT w.candidate_id AS id, w.last_name, w.first_name"
					+ " FROM candidate_name_word w WHERE w.word IN (SELECT v.word FROM name_word v WHERE v.word LIKE ?"
					+ " ESCAPE '\\'" + (byWords.twoSpellings() ? " OR v.word LIKE ? ESCAPE '\\'" : "") + ")";
			hitParams.add(byWords.plainPattern());
			if (byWords.twoSpellings()) {
				hitParams.add(byWords.danishPattern());
			}
			String hits;
			if (nameWords == 1 && (q.targetGroup() == null || q.targetGroup().isBlank())
					&& (q.caseworker() == null || q.caseworker().isBlank()) && q.due() != DueFilter.OVERDUE
					&& q.due() != DueFilter.DUE_SOON) {
				// one word, and at most a team: the word index holds all the search needs
				StringBuilder team = new StringBuilder();
				for (Long t : new Long[] { q.team(), q.teamScope() }) {
					if (t != null) {
						team.append(" AND w.team_id = ?");
						hitParams.add(t);
					}
				}
				hits = candidatesWithTheWord + team;
			}
			else {
				// the candidates with the chosen word, checked against every condition
				hits = "SELECT c.id, c.first_name, c.last_name, c.next_meeting_due FROM candidate c" + where
						+ " AND c.id IN (SELECT h.id FROM (" + candidatesWithTheWord + ") h)";
				hitParams.addAll(0, params);
			}
			params = hitParams;
			sql = "WITH hits AS MATERIALIZED (" + hits + "), page AS (SELECT c.id FROM hits c" + order
					+ " LIMIT ? OFFSET ?)\n" + COLUMNS
					+ ", (SELECT count(*) FROM hits) AS total FROM page p JOIN candidate c ON c.id = p.id\n" + JOINS
					+ order;
		}
		else {
			sql = COLUMNS + ", NULL AS total FROM candidate c\n" + JOINS + where + order + " LIMIT ? OFFSET ?";
		}
		params.add(PAGE_SIZE + 1);
		params.add((long) page * PAGE_SIZE);
		long[] total = { -1 };
		List<Row> rows = jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> {
				LocalDate due = rs.getObject("next_meeting_due", LocalDate.class);
				long hits = rs.getLong("total");
				if (!rs.wasNull()) {
					total[0] = hits;
				}
				return new Row(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
						Cpr.of(rs.getString("cpr")).masked(), rs.getString("target_group_code"), rs.getString("caseworker"),
						rs.getString("caseworker_name"), rs.getString("team_name"), due, due != null && due.isBefore(today));
			})
			.list();
		if (total[0] < 0) {
			// the plain query walks an index in order and stops at the page; the count is a query of its own, which
			// for a name stops one past what it counts
			String hits = byName ? "(SELECT 1 FROM candidate c" + where + " LIMIT " + (NAME_HITS_COUNTED + 1) + ") c"
					: "candidate c" + where;
			total[0] = jdbc.sql("SELECT count(*) FROM " + hits).params(filterParams).query(Long.class).single();
		}
		boolean moreThanTotal = byName && total[0] > NAME_HITS_COUNTED;
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new Result(hasNext ? rows.subList(0, PAGE_SIZE) : rows, hasNext, page,
				moreThanTotal ? NAME_HITS_COUNTED : total[0], moreThanTotal);
	}

	/** The words of a name search, at most {@link #MAX_WORDS}. */
	static List<String> words(String text) {
		return Arrays.stream(WHITESPACE.split(text.strip())).filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
	}

	/**
	 * A query word folded both ways (plain ASCII, and Danish letters spelt out), and how many candidates' names hold a
	 * word in use that contains either spelling: a candidate whose name holds two such words counts twice, so it is at
	 * least the number of candidates the word finds. -1 when not counted (a word shorter than {@link #COUNTED_FROM}
	 * letters).
	 */
	record FoldedWord(String plain, String danish, long inUse) {

		boolean twoSpellings() {
			return !danish.equals(plain);
		}

		String plainPattern() {
			return "%" + escapeLike(plain) + "%";
		}

		String danishPattern() {
			return "%" + escapeLike(danish) + "%";
		}
	}

	/** How many candidates the words in use containing a word's two spellings have (parameters: the word twice). */
	private static final String WORDS_IN_USE = """
			(SELECT coalesce(sum(v.candidates), 0) FROM name_word v
			 WHERE v.word LIKE '%' || replace(replace(replace(fold_for_search(?), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
			    OR v.word LIKE '%' || replace(replace(replace(fold_for_search_danish(?), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')""";

	/**
	 * Each word's two folded spellings, by PostgreSQL in one query, with how many candidates the words in use that
	 * contain it have (through their trigram index, which needs three letters).
	 */
	private List<FoldedWord> fold(List<String> words) {
		StringBuilder sql = new StringBuilder("SELECT ");
		List<Object> args = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			sql.append(i == 0 ? "" : ", ").append("fold_for_search(?), fold_for_search_danish(?), ");
			args.add(word);
			args.add(word);
			if (word.codePointCount(0, word.length()) >= COUNTED_FROM) {
				sql.append(WORDS_IN_USE);
				args.add(word);
				args.add(word);
			}
			else {
				sql.append("-1");
			}
		}
		return jdbc.sql(sql.toString()).params(args).query((rs, n) -> {
			List<FoldedWord> folded = new ArrayList<>();
			for (int i = 0; i < words.size(); i++) {
				folded.add(new FoldedWord(rs.getString(3 * i + 1), rs.getString(3 * i + 2), rs.getLong(3 * i + 3)));
			}
			return folded;
		}).single();
	}

	public LocalDate today() {
		return timeliness.today();
	}

	static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
