package dk.vaerdig.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.WorkingDays;

/**
 * Generates a municipality: 3 teams, staff of every role, candidates spread over the target groups and a year of
 * meetings with agreements, case stories, goals and offers. Deterministic for a given seed.
 */
@Component
public class DemoDataGenerator {

	private static final int BATCH = 2000;

	private static final String[] FIRST = { "Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise",
			"Sofie", "Ida", "Emma", "Fatima", "Amira", "Yasmin", "Maja", "Julie", "Karen", "Birgitte", "Kirsten", "Laura",
			"Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Niels", "Mads", "Rasmus", "Jesper", "Anders",
			"Martin", "Christian", "Morten", "Ahmed", "Ali", "Mohammad", "Jonas", "Frederik", "Oliver", "Emil", "Lucas",
			"Mikkel", "Kasper", "Bo", "Ole", "Jørgen", "Hans", "Per", "Ulla", "Bente", "Inge", "Lise", "Dorthe", "Tina" };

	private static final String[] LAST = { "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
			"Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
			"Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
			"Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen",
			"Simonsen", "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen", "Vestergaard", "Hussein", "Yilmaz" };

	private static final String[] STREETS = { "Algade", "Østergade", "Vestergade", "Skolevej", "Møllevej", "Kirkevej",
			"Stationsvej", "Engvej", "Bakkevej", "Søndergade" };

	private static final String[][] TALKS = {
			{ "Vi talte om dine ønsker til job inden for lager og logistik.", "Søg 3 stillinger som lagermedarbejder." },
			{ "Vi talte om, hvordan dit helbred har det, og hvad du kan klare lige nu.", "Vi holder en ny samtale om din plan." },
			{ "Vi gennemgik dit CV sammen og fandt dine stærke sider.", "Opdatér dit CV på Jobnet." },
			{ "Vi talte om en virksomhedspraktik i en butik.", "Jobkonsulenten kontakter butikken om praktik." },
			{ "Vi talte om kurser, der kan hjælpe dig videre, fx truckcertifikat.", "Tilmeld dig kurset i truckkørsel." },
			{ "Vi talte om, hvordan det går i dit løntilskudsjob.", "Fortsæt i løntilskud, og vi følger op om en måned." },
			{ "Vi talte om job i plejesektoren, hvor der mangler folk.", "Besøg plejecentret til en snak om job." },
			{ "Vi talte om din hverdag og om hjælp til at komme i gang.", "Du mødes med din mentor hver uge." } };

	private static final String[] AGREEMENTS = { "Søg mindst 3 job om ugen", "Opdatér dit CV på Jobnet",
			"Ring til virksomheden om praktik", "Send lægeattest til jobcentret", "Deltag i jobdating på torsdag",
			"Find to praktiksteder sammen", "Undersøg kurser i truckkørsel", "Book tid hos CV-værkstedet" };

	private static final String[] STORIES = {
			"Jeg har arbejdet som lagermedarbejder i 12 år. Min ryg gør ondt, så jeg vil gerne finde et job, hvor jeg ikke skal løfte så meget.",
			"Jeg er uddannet frisør, men har været syg med stress. Jeg vil gerne i gang igen lidt ad gangen.",
			"Jeg kom til Danmark for fem år siden og taler godt dansk. Jeg vil gerne arbejde med mennesker, fx i ældreplejen.",
			"Jeg har passet min mor i tre år. Nu vil jeg gerne tilbage på arbejdsmarkedet, gerne som kok.",
			"Jeg blev fyret, da firmaet lukkede. Jeg er god til maskiner og vil gerne være industrioperatør." };

	private static final String[] GROUPS = { "LAB01", "LAB02", "LAB03", "LAB04", "LAB05", "LAB06", "LAB07", "LAB08",
			"LAB09", "LAB10" };

	private static final int[] GROUP_WEIGHTS = { 30, 14, 14, 6, 18, 5, 4, 5, 1, 3 };

	private static final Map<String, Integer> GROUP_TEAM = Map.of("LAB01", 0, "LAB02", 0, "LAB04", 0, "LAB10", 0,
			"LAB03", 1, "LAB06", 1, "LAB07", 1, "LAB09", 1, "LAB05", 2, "LAB08", 2);

	private static final Map<String, Integer> INTERVAL = Map.of("LAB01", 60, "LAB02", 30, "LAB03", 60, "LAB04", 30,
			"LAB05", 40, "LAB06", 30, "LAB07", 60, "LAB08", 40, "LAB09", 60, "LAB10", 30);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final PasswordEncoder passwords;

	private final WorkingDays workingDays;

	private final Clock clock;

	private final ZoneId zone;

	private final DemoSurveyData surveys;

	private final DemoEmploymentData employment;

	private final DemoOutcomeData outcomes;

	private final DemoReformData reform;

	DemoDataGenerator(JdbcTemplate jdbc, TransactionTemplate tx, PasswordEncoder passwords, WorkingDays workingDays,
			Clock clock, PlatformSettings platform, DemoSurveyData surveys, DemoEmploymentData employment,
			DemoOutcomeData outcomes, DemoReformData reform) {
		this.outcomes = outcomes;
		this.reform = reform;
		this.surveys = surveys;
		this.employment = employment;
		this.jdbc = jdbc;
		this.tx = tx;
		this.passwords = passwords;
		this.workingDays = workingDays;
		this.clock = clock;
		this.zone = platform.zone();
	}

	public record Counts(int candidates, int meetings, int agreements) {
	}

	/** A demo login, listed in the README. */
	public record Login(String username, String name, String role, int team) {
	}

	public static final List<Login> LOGINS = List.of(new Login("sagsbehandler", "Mette Kjær", "CASEWORKER", 0),
			new Login("sagsbehandler2", "Jonas Holm", "CASEWORKER", 0),
			new Login("teamleder", "Birgitte Lund", "TEAM_LEAD", 0), new Login("leder", "Henrik Berg", "MANAGER", -1),
			new Login("kommunikation", "Sara Dahl", "COMMUNICATION", -1),
			new Login("klage", "Ulla Krogh", "COMPLAINT_HANDLER", -1),
			new Login("virksomhed", "Peter Skov", "COMPANY_CONSULTANT", 0),
			new Login("politiker", "Lone Vang", "POLITICIAN", -1), new Login("admin", "Admin Istrator", "ADMIN", -1));

	public Counts generate(DemoSettings settings) {
		Random random = new Random(settings.seed());
		String hash = passwords.encode(settings.password());
		List<Long> teams = insertTeams();
		List<List<String>> caseworkers = insertStaff(random, hash, teams);
		LocalDate today = LocalDate.now(clock);
		Set<String> cprs = new HashSet<>();
		Map<String, Long> rules = currentRules(today);
		long candidateId = nextId("candidate");
		long meetingId = nextId("meeting");
		int meetings = 0;
		int agreements = 0;
		List<Object[]> candidateRows = new ArrayList<>();
		List<Object[]> meetingRows = new ArrayList<>();
		List<Object[]> agreementRows = new ArrayList<>();
		List<Object[]> storyRows = new ArrayList<>();
		List<Object[]> goalRows = new ArrayList<>();
		for (int i = 0; i < settings.candidates(); i++) {
			long id = candidateId++;
			String group = pickGroup(random);
			int teamIndex = GROUP_TEAM.get(group);
			List<String> team = caseworkers.get(teamIndex);
			String caseworker = team.get(random.nextInt(team.size()));
			LocalDate courseStart = today.minusDays(random.nextInt(730) + 1);
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			String cpr = uniqueCpr(random, today, cprs);
			int interval = INTERVAL.get(group);
			LocalDate firstMeeting = workingDays.plus(courseStart.isBefore(today.minusDays(365)) ? today.minusDays(365)
					: courseStart, 5 + random.nextInt(10));
			LocalDate lastHeld = null;
			LocalDate day = firstMeeting;
			int perYear = Math.max(1, settings.meetingsPerYear());
			int stepDays = Math.max(14, 365 / perYear);
			while (day.isBefore(today)) {
				long mid = meetingId++;
				String[] talk = TALKS[random.nextInt(TALKS.length)];
				Timestamp at = Timestamp.from(day.atTime(9 + random.nextInt(6), random.nextBoolean() ? 0 : 30).atZone(zone).toInstant());
				meetingRows.add(new Object[] { mid, id, caseworker, at, random.nextInt(5) == 0 ? "PHONE" : "IN_PERSON",
						"Jobcentret", null, "HELD", at, talk[0], random.nextInt(3) == 0 ? "Jeg vil gerne have et job tæt på, hvor jeg bor." : null,
						talk[1], null });
				meetings++;
				LocalDate next = day.plusDays(stepDays - 7 + random.nextInt(15));
				boolean latest = !next.isBefore(today);
				agreementRows.add(new Object[] { id, mid, random.nextBoolean() ? "CANDIDATE" : "CASEWORKER",
						AGREEMENTS[random.nextInt(AGREEMENTS.length)], Date.valueOf(day.plusDays(14)), latest ? "OPEN" : "DONE", at });
				agreements++;
				lastHeld = day;
				day = next;
			}
			LocalDate due = lastHeld == null ? workingDays.plus(courseStart, 10) : workingDays.plus(lastHeld, interval);
			if (random.nextInt(10) < 7) {
				LocalDate planned = workingDays.plus(today, 1 + random.nextInt(20));
				Timestamp at = Timestamp.from(planned.atTime(10, 0).atZone(zone).toInstant());
				meetingRows.add(new Object[] { meetingId++, id, caseworker, at, "IN_PERSON", "Jobcentret",
						"Opfølgning på aftaler og næste skridt", "PLANNED", null, null, null, null, null });
				meetings++;
			}
			candidateRows.add(new Object[] { id, cpr, first, last, "+45 " + (20000000 + random.nextInt(79999999)),
					first.toLowerCase() + "." + last.toLowerCase().replace("ø", "oe") + "@eksempel.dk",
					STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120)) + ", 4700 Næstved", group,
					Date.valueOf(courseStart), caseworker, teams.get(teamIndex), lastHeld == null ? null : Date.valueOf(lastHeld),
					Date.valueOf(due), rules.get(group) });
			if (random.nextBoolean()) {
				storyRows.add(new Object[] { id, STORIES[random.nextInt(STORIES.length)], random.nextBoolean(), caseworker,
						Timestamp.from(courseStart.atStartOfDay(zone).toInstant()) });
				goalRows.add(new Object[] { id, "Job med ordinære timer inden for et halvt år", caseworker,
						Timestamp.from(courseStart.atStartOfDay(zone).toInstant()) });
			}
			if (candidateRows.size() >= BATCH) {
				flush(candidateRows, meetingRows, agreementRows, storyRows, goalRows);
			}
		}
		flush(candidateRows, meetingRows, agreementRows, storyRows, goalRows);
		jdbc.execute("SELECT setval('candidate_id_seq', (SELECT coalesce(max(id), 1) FROM candidate))");
		jdbc.execute("SELECT setval('meeting_id_seq', (SELECT coalesce(max(id), 1) FROM meeting))");
		tx.executeWithoutResult(s -> surveys.generate(random));
		tx.executeWithoutResult(s -> employment.generate(random));
		tx.executeWithoutResult(s -> outcomes.generate(random));
		tx.executeWithoutResult(s -> reform.generate(random));
		// the mark that this database holds generated demo data (DemoMode: the candidates' test login needs it)
		jdbc.update("INSERT INTO demo_data (generated_at, seed, candidates) VALUES (?, ?, ?)",
				Timestamp.from(clock.instant()), settings.seed(), settings.candidates());
		jdbc.execute("ANALYZE");
		return new Counts(settings.candidates(), meetings, agreements);
	}

	private void flush(List<Object[]> candidates, List<Object[]> meetings, List<Object[]> agreements,
			List<Object[]> stories, List<Object[]> goals) {
		tx.executeWithoutResult(status -> {
			jdbc.batchUpdate("""
					INSERT INTO candidate (id, cpr, first_name, last_name, phone, email, address, target_group_code,
					  course_started, caseworker, team_id, last_meeting_on, next_meeting_due, due_rule_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", candidates);
			jdbc.batchUpdate("""
					INSERT INTO meeting (id, candidate_id, caseworker, planned_at, form, place, agenda, status, held_at,
					  talked_about, candidate_wishes, next_step, next_step_date)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", meetings);
			jdbc.batchUpdate("""
					INSERT INTO agreement (candidate_id, meeting_id, responsible, what, due_date, status, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", agreements);
			jdbc.batchUpdate("""
					INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at)
					VALUES (?, 1, ?, ?, ?, ?)""", stories);
			jdbc.batchUpdate("INSERT INTO plan_goal (candidate_id, text, created_by, created_at) VALUES (?, ?, ?, ?)",
					goals);
		});
		candidates.clear();
		meetings.clear();
		agreements.clear();
		stories.clear();
		goals.clear();
	}

	private List<Long> insertTeams() {
		List<Long> ids = new ArrayList<>();
		for (String[] t : new String[][] { { "Team Job", "Jobparate" }, { "Team Ressource", "Aktivitetsparate" },
				{ "Team Sygedagpenge", "Sygedagpenge og jobafklaring" } }) {
			ids.add(jdbc.queryForObject("INSERT INTO team (name, department) VALUES (?, ?) RETURNING id", Long.class, t[0],
					t[1]));
		}
		return ids;
	}

	private List<List<String>> insertStaff(Random random, String hash, List<Long> teams) {
		List<List<String>> caseworkers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (Login login : LOGINS) {
			insertUser(login.username(), login.name(), login.role(), login.team() < 0 ? null : teams.get(login.team()), hash);
			if (login.role().equals("CASEWORKER")) {
				caseworkers.get(login.team()).add(login.username());
			}
		}
		String[] names = { "Anja Berg", "Kim Lauridsen", "Rikke Friis", "Tobias Dam", "Nadia Ali", "Lotte Krag",
				"Erik Bach", "Pia Storm", "Sanne Ravn", "Omar Aziz" };
		for (int i = 0; i < names.length; i++) {
			int team = i < 2 ? 0 : 1 + (i - 2) % 2;
			String username = names[i].toLowerCase().replace(' ', '.').replace("ø", "oe");
			insertUser(username, names[i], "CASEWORKER", teams.get(team), hash);
			caseworkers.get(team).add(username);
		}
		insertUser("teamleder.ressource", "Hanne Vinther", "TEAM_LEAD", teams.get(1), hash);
		insertUser("teamleder.syg", "Morten Aagaard", "TEAM_LEAD", teams.get(2), hash);
		return caseworkers;
	}

	private void insertUser(String username, String name, String role, Long team, String hash) {
		jdbc.update("""
				INSERT INTO staff_user (username, display_name, phone, email, password_hash, role, team_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", username, name, "+45 55 88 " + (10 + Math.abs(username.hashCode() % 89)) + " 00",
				username + "@jobcenter.eksempel.dk", hash, role, team);
	}

	private Map<String, Long> currentRules(LocalDate today) {
		Map<String, Long> rules = new HashMap<>();
		jdbc.query("""
				SELECT DISTINCT ON (target_group_code) target_group_code, id FROM contact_rule
				WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY target_group_code, valid_from DESC""",
				rs -> {
					rules.put(rs.getString(1), rs.getLong(2));
				}, Date.valueOf(today), Date.valueOf(today));
		return rules;
	}

	private long nextId(String table) {
		Long max = jdbc.queryForObject("SELECT max(id) FROM " + table, Long.class);
		return max == null ? 1 : max + 1;
	}

	private static String pickGroup(Random random) {
		int total = 0;
		for (int w : GROUP_WEIGHTS) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < GROUPS.length; i++) {
			r -= GROUP_WEIGHTS[i];
			if (r < 0) {
				return GROUPS[i];
			}
		}
		return GROUPS[0];
	}

	/** A CPR number whose 7th digit matches the century of the birth date, unique within the run. */
	static String uniqueCpr(Random random, LocalDate today, Set<String> used) {
		while (true) {
			LocalDate birth = today.minusYears(18 + random.nextInt(48)).minusDays(random.nextInt(365));
			int yy = birth.getYear() % 100;
			int seventh = birth.getYear() >= 2000 ? 4 : random.nextInt(4); // 0-3: 1900s; 4 with yy <= 36: 2000s
			String cpr = String.format("%02d%02d%02d-%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), yy, seventh,
					random.nextInt(1000));
			if (used.add(cpr)) {
				return cpr;
			}
		}
	}
}
