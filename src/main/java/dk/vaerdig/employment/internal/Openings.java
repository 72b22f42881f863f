package dk.vaerdig.employment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.platform.Cvr;
import dk.vaerdig.platform.Texts;

/** Companies (CVR validated), their openings of each kind, matching both ways, and proposals on the case. */
@Service
public class Openings {

	public enum Kind {
		ORDINARY, FLEXJOB, SENIORJOB, INTERNSHIP, WAGE_SUBSIDY, ADULT_APPRENTICE
	}

	public record Company(long id, String cvr, String name, String postalCode, String agreement) {
	}

	public record Opening(long id, long companyId, String companyName, Kind kind, String occupationCode,
			String occupationTitle, String title, String description, int hoursPerWeek, String postalCode,
			String accommodations, LocalDate deadline, String status, boolean shortage) {
	}

	public record Proposal(long id, long openingId, String title, String companyName, int score, String answer,
			String answerNote, Instant proposedAt) {
	}

	private final JdbcClient jdbc;

	private final Geography geography;

	private final Profiles profiles;

	private final Clock clock;

	Openings(JdbcClient jdbc, Geography geography, Profiles profiles, Clock clock) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.profiles = profiles;
		this.clock = clock;
	}

	public record Contact(long id, String name, String phone, String email) {
	}

	public Company company(long id) {
		return jdbc.sql("SELECT id, cvr, name, postal_code, agreement FROM company WHERE id = ?").param(id)
			.query(Company.class).optional()
			.orElseThrow(() -> new ResponseStatusException(
					HttpStatus.NOT_FOUND));
	}

	public List<Contact> contacts(long companyId) {
		return jdbc.sql("SELECT id, name, phone, email FROM company_contact WHERE company_id = ? ORDER BY name")
			.param(companyId).query(Contact.class).list();
	}

	@Transactional
	public void addContact(long companyId, String name, String phone, String email) {
		company(companyId);
		jdbc.sql("INSERT INTO company_contact (company_id, name, phone, email) VALUES (?, ?, ?, ?)")
			.params(companyId, name.strip(), Texts.blankToNull(phone),
					Texts.blankToNull(email))
			.update();
	}

	public List<Opening> openingsOf(long companyId, Locale locale) {
		return jdbc.sql(select(locale) + "WHERE j.company_id = ? ORDER BY j.created_at DESC").param(companyId)
			.query(Opening.class).list();
	}

	public List<Company> companies() {
		return jdbc.sql("SELECT id, cvr, name, postal_code, agreement FROM company ORDER BY name").query(Company.class).list();
	}

	/** @throws DuplicateKeyException when the CVR number is registered already */
	@Transactional
	public long registerCompany(Cvr cvr, String name, String postalCode, String agreement, String by) {
		return jdbc.sql("""
				INSERT INTO company (cvr, name, postal_code, agreement, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(cvr.value(), name.strip(), postalCode, Texts.blankToNull(agreement),
					by, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Transactional
	public long createOpening(long companyId, Kind kind, String occupationCode, String title, String description,
			int hours, String postalCode, String accommodations, LocalDate deadline, String by) {
		return jdbc.sql("""
				INSERT INTO opening (company_id, kind, occupation_code, title, description, hours_per_week, postal_code,
				  accommodations, deadline, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(companyId, kind.name(), occupationCode, title.strip(), description, hours, postalCode, accommodations,
					deadline, by, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	private String select(Locale locale) {
		String title = "en".equals(locale.getLanguage()) ? "o.title_en" : "o.title_da";
		return "SELECT j.id, j.company_id, c.name AS company_name, j.kind, j.occupation_code, " + title
				+ " AS occupation_title, j.title, j.description, j.hours_per_week, j.postal_code, j.accommodations, "
				+ "j.deadline, j.status, o.shortage FROM opening j JOIN company c ON c.id = j.company_id "
				+ "JOIN occupation o ON o.code = j.occupation_code ";
	}

	public List<Opening> open(Locale locale) {
		return jdbc.sql(select(locale) + "WHERE j.status = 'OPEN' ORDER BY j.created_at DESC LIMIT 500")
			.query(Opening.class)
			.list();
	}

	public Opening opening(long id, Locale locale) {
		return jdbc.sql(select(locale) + "WHERE j.id = ?").param(id).query(Opening.class).optional()
			.orElseThrow(() -> new ResponseStatusException(
					HttpStatus.NOT_FOUND));
	}

	static Matching.Job job(Opening o) {
		return new Matching.Job(o.id(), o.title(), o.companyName(), o.occupationCode(), o.kind().name(), o.hoursPerWeek(),
				o.postalCode(), o.accommodations() != null && !o.accommodations().isBlank(), o.shortage());
	}

	/** The open openings for a candidate, best first. */
	public List<Matching.Ranked<Opening>> forCandidate(Matching.Profile profile, Locale locale, int limit) {
		Map<Long, Opening> byId = new HashMap<>();
		List<Matching.Job> jobs = new ArrayList<>();
		for (Opening o : open(locale)) {
			byId.put(o.id(), o);
			jobs.add(job(o));
		}
		return Matching.topJobs(profile, jobs, geography, limit)
			.stream()
			.map(r -> new Matching.Ranked<>(byId.get(r.item().openingId()), r.score()))
			.toList();
	}

	/**
	 * Candidates for an opening, best first: those with experience or wishes in the opening's occupation or its
	 * minor group; {@code visibleNames} keeps those the signed-in user may see, with their names.
	 */
	public List<Matching.Ranked<Matching.Profile>> forOpening(Opening o,
			Function<Collection<Long>, Map<Long, String>> visibleNames, int limit) {
		String group = o.occupationCode().substring(0, 3) + "%";
		List<Long> ids = jdbc.sql("""
				SELECT candidate_id FROM competence WHERE occupation_code LIKE ?
				UNION SELECT candidate_id FROM job_wish w WHERE EXISTS (SELECT 1 FROM unnest(w.occupation_codes) c WHERE c LIKE ?)
				LIMIT 5000""")
			.params(group, group)
			.query(Long.class)
			.list();
		return Matching.topCandidates(profiles.profiles(visibleNames.apply(ids)), job(o), geography, limit);
	}

	@Transactional
	public void propose(long candidateId, long openingId, int score, String by) {
		jdbc.sql("""
				INSERT INTO job_proposal (candidate_id, opening_id, score, proposed_by, proposed_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (candidate_id, opening_id) DO NOTHING""")
			.params(candidateId, openingId, score, by, Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	public boolean answer(long candidateId, long proposalId, String answer, String note) {
		return jdbc.sql("""
				UPDATE job_proposal SET answer = ?, answer_note = ?, answered_at = ?
				WHERE id = ? AND candidate_id = ? AND answer = 'PENDING'""")
			.params(answer, Texts.blankToNull(note), Timestamp.from(clock.instant()),
					proposalId, candidateId)
			.update() == 1;
	}

	public List<Proposal> proposals(long candidateId) {
		return jdbc.sql("""
				SELECT p.id, p.opening_id, j.title, c.name AS company_name, p.score, p.answer, p.answer_note, p.proposed_at
				FROM job_proposal p JOIN opening j ON j.id = p.opening_id JOIN company c ON c.id = j.company_id
				WHERE p.candidate_id = ? ORDER BY p.proposed_at DESC""")
			.param(candidateId)
			.query(Proposal.class)
			.list();
	}
}
