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
	 * From this many letters (in one word, folded) a name is searched through the trigram index, and only the matches
	 * are sorted.
	 * Shorter fragments match so many names that walking the name index in order finds a page sooner. (Walking it for
	 * a rarer name such as "pedersen" passed 36,000 rows before the first match in 50,000 candidates: 25 ms, against
	 * 3 ms through the trigram index.)
	 */
	static final int TRIGRAM_SEARCH_FROM = 4;

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
		boolean byTrigrams = false;
		boolean byName = false;
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
				for (String[] spellings : fold(words(text))) {
					// either spelling of the word somewhere in the folded name (which holds both of its spellings)
					where.append(" AND (c.search_name LIKE ? ESCAPE '\\'");
					params.add("%" + escapeLike(spellings[0]) + "%");
					if (!spellings[1].equals(spellings[0])) {
						where.append(" OR c.search_name LIKE ? ESCAPE '\\'");
						params.add("%" + escapeLike(spellings[1]) + "%");
					}
					where.append(")");
					byTrigrams |= spellings[0].length() >= TRIGRAM_SEARCH_FROM;
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
		params.add(PAGE_SIZE + 1);
		params.add((long) page * PAGE_SIZE);
		// the matches are fenced off in a materialised CTE, so the planner cannot walk an index in sort order instead
		String sql = byTrigrams ? """
				WITH hits AS MATERIALIZED (SELECT c.id, c.first_name, c.last_name, c.next_meeting_due FROM candidate c"""
				+ where + """
				), page AS (SELECT c.id FROM hits c""" + order + """
				 LIMIT ? OFFSET ?)
				""" + COLUMNS + ", (SELECT count(*) FROM hits) AS total FROM page p JOIN candidate c ON c.id = p.id\n"
				+ JOINS + order
				: COLUMNS + ", NULL AS total FROM candidate c\n" + JOINS + where + order + " LIMIT ? OFFSET ?";
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

	/** Each word's two folded spellings (plain ASCII, and Danish letters spelt out), by PostgreSQL in one query. */
	private List<String[]> fold(List<String> words) {
		StringBuilder sql = new StringBuilder("SELECT ");
		List<Object> args = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("fold_for_search(?), fold_for_search_danish(?)");
			args.add(words.get(i));
			args.add(words.get(i));
		}
		return jdbc.sql(sql.toString()).params(args).query((rs, n) -> {
			List<String[]> folded = new ArrayList<>();
			for (int i = 0; i < words.size(); i++) {
				folded.add(new String[] { rs.getString(2 * i + 1), rs.getString(2 * i + 2) });
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
