package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/**
 * Every read of a candidate's personal data is recorded, structurally: every handler of every controller (found in
 * {@link RequestMappingHandlerMapping}, whatever its method) carries {@link ReadsPersonalData} or
 * {@link NoPersonalData} with a reason, or the build fails; and every handler marked as reading is called here with
 * real ids (demo data, and cases, letters, complaints and handovers made through the forms) and must leave an audit
 * entry, by the caller, for the candidate it shows, and for every candidate whose case the page links to.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataReadsIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor JONAS = user("sagsbehandler2").roles("CASEWORKER");

	static final RequestPostProcessor HANDLER = user("klage").roles("COMPLAINT_HANDLER");

	static final RequestPostProcessor CONSULTANT = user("virksomhed").roles("COMPANY_CONSULTANT");

	static final RequestPostProcessor MANAGER = user("leder").roles("MANAGER");

	static final Map<RequestPostProcessor, String> NAMES = Map.of(METTE, "sagsbehandler", JONAS, "sagsbehandler2",
			HANDLER, "klage", CONSULTANT, "virksomhed", MANAGER, "leder");

	static final Pattern CASE_LINK = Pattern.compile("/cases/(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	AuditLog audit;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** How to call a handler: as whom, where, with which form values, and the candidate it must record (or null). */
	record Call(RequestPostProcessor as, String url, Map<String, String> params, Long candidate) {
	}

	/** By "METHOD pattern": the examples, made once from demo data and forms. */
	final Map<String, Call> calls = new LinkedHashMap<>();

	@BeforeAll
	void makeExamples() throws Exception {
		TestCandidates.Made made = candidates.make("sagsbehandler");
		long c = made.id();
		long team = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'sagsbehandler'").query(Long.class).single();
		// a story version
		mvc.perform(post("/cases/{id}/story", c).with(METTE).with(csrf()).param("text", "Vil gerne arbejde med dyr.")
			.param("ownWords", "false").param("baseVersion", "0"));
		// a demo candidate of Mette's team with a planned and one with a held meeting
		Map<String, Object> planned = jdbc.sql("""
				SELECT m.id, m.candidate_id FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.status = 'PLANNED' AND c.team_id = ? ORDER BY m.id LIMIT 1""").param(team).query().singleRow();
		Map<String, Object> held = jdbc.sql("""
				SELECT m.id, m.candidate_id FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.status = 'HELD' AND c.team_id = ? ORDER BY m.id LIMIT 1""").param(team).query().singleRow();
		// a handover to Jonas
		long handed = candidates.make("sagsbehandler").id();
		mvc.perform(post("/cases/{id}/reassign", handed).with(METTE).with(csrf()).param("caseworker", "sagsbehandler2")
			.param("reason", "Mette går på barsel").param("version", "0"));
		long handover = jdbc.sql("SELECT id FROM handover WHERE candidate_id = ?").param(handed).query(Long.class).single();
		// the message that tells the candidate about it, in the messaging outbox
		long message = jdbc.sql("SELECT id FROM outgoing_message WHERE idempotency_key = ?")
			.param("caseworker-changed:handover:" + handover).query(Long.class).single();
		// a letter
		long invitation = jdbc.sql("""
				SELECT v.id FROM letter_template_version v WHERE v.status = 'APPROVED' AND v.template_id = 1
				ORDER BY v.number DESC LIMIT 1""").query(Long.class).single();
		mvc.perform(post("/letters/send/" + c).with(METTE).with(csrf()).param("versionId", String.valueOf(invitation))
			.param("meetingTime", "tirsdag den 4. marts kl. 10.00").param("meetingPlace", "Jobcentret, Ringstedgade 1")
			.param("requestId", UUID.randomUUID().toString()));
		long letter = jdbc.sql("SELECT id FROM letter_outbox WHERE candidate_id = ?").param(c).query(Long.class).single();
		// a complaint, kept at reassessment so it has a forwarding package
		mvc.perform(post("/complaints").with(HANDLER).with(csrf()).param("candidateId", String.valueOf(c))
			.param("channel", "PHONE").param("decisionRef", "Reads " + c)
			.param("decisionReceivedOn", LocalDate.now().minusDays(3).toString())
			.param("receivedOn", LocalDate.now().toString()).param("whatCandidateSays", "Jeg er uenig")
			.param("categoryId", "7"));
		long complaint = jdbc.sql("SELECT id FROM complaint WHERE decision_ref = ?").param("Reads " + c)
			.query(Long.class).single();
		mvc.perform(post("/complaints/{id}/reassessment", complaint).with(HANDLER).with(csrf())
			.param("outcome", "NOT_UPHELD").param("reassessment", "Afgørelsen fastholdes").param("version", "0"));
		// a jobdating event with the candidate invited
		mvc.perform(post("/employment/jobdating").with(CONSULTANT).with(csrf()).param("title", "Jobdating om læsninger")
			.param("startsAt", LocalDateTime.now().plusDays(3).withNano(0).toString().substring(0, 16))
			.param("place", "Jobcentret"));
		long event = jdbc.sql("SELECT max(id) FROM jobdating_event").query(Long.class).single();
		mvc.perform(post("/cases/{id}/employment/jobdating", c).with(METTE).with(csrf()).param("eventId", String.valueOf(event)));
		// a follow-up task of Mette's team, and an opening with candidates who match it
		Map<String, Object> followUp = jdbc.sql("SELECT id, candidate_id FROM survey_follow_up WHERE team_id = ? LIMIT 1")
			.param(team).query().singleRow();
		long opening = jdbc.sql("SELECT min(id) FROM opening").query(Long.class).single();

		long plannedCase = ((Number) planned.get("candidate_id")).longValue();
		long heldCase = ((Number) held.get("candidate_id")).longValue();
		long followUpCase = ((Number) followUp.get("candidate_id")).longValue();
		Map<String, String> none = Map.of();
		example("GET ", "/cases/{id}", METTE, "/cases/" + c, c);
		example("GET ", "/cases", METTE, "/cases", null);
		example("GET ", "/cases/{id}/story", METTE, "/cases/" + c + "/story", c);
		example("GET ", "/cases/{id}/story/versions", METTE, "/cases/" + c + "/story/versions", c);
		example("GET ", "/cases/{id}/story/versions/{version}", METTE, "/cases/" + c + "/story/versions/1", c);
		example("GET ", "/handovers", JONAS, "/handovers", handed);
		example("GET ", "/cases/{id}/reassign", METTE, "/cases/" + c + "/reassign", c);
		example("GET ", "/cases/{id}/handovers/{handoverId}", JONAS, "/cases/" + handed + "/handovers/" + handover, handed);
		example("GET ", "/cases/{id}/change-request", METTE, "/cases/" + c + "/change-request", c);
		example("GET ", "/cases/{id}/meetings/new", METTE, "/cases/" + c + "/meetings/new", c);
		example("GET ", "/cases/{id}/meetings/{meetingId}/record", METTE,
				"/cases/" + plannedCase + "/meetings/" + planned.get("id") + "/record", plannedCase);
		example("GET ", "/cases/{id}/meetings/{meetingId}/summary", METTE,
				"/cases/" + heldCase + "/meetings/" + held.get("id") + "/summary", heldCase);
		example("GET ", "/cases/{id}/plan", METTE, "/cases/" + c + "/plan", c);
		example("GET ", "/cases/{id}/employment", METTE, "/cases/" + c + "/employment", c);
		example("GET ", "/letters/send/{candidateId}", METTE, "/letters/send/" + c, c);
		example("GET ", "/letters/outbox", METTE, "/letters/outbox", c);
		example("GET ", "/letters/outbox/{id}", METTE, "/letters/outbox/" + letter, c);
		example("GET ", "/messaging/outbox", JONAS, "/messaging/outbox?purpose=caseworker-changed", handed);
		example("GET ", "/messaging/outbox/{id}", JONAS, "/messaging/outbox/" + message, handed);
		example("GET ", "/complaints", HANDLER, "/complaints", null);
		example("GET ", "/complaints/new", HANDLER, "/complaints/new?candidate=" + c, c);
		example("GET ", "/complaints/{id}", HANDLER, "/complaints/" + complaint, c);
		example("GET ", "/complaints/{id}/package.pdf", HANDLER, "/complaints/" + complaint + "/package.pdf", c);
		example("GET ", "/employment/openings/{id}", MANAGER, "/employment/openings/" + opening, null);
		example("GET ", "/employment/jobdating/{id}", METTE, "/employment/jobdating/" + event, c);
		example("GET ", "/surveys/follow-ups", METTE, "/surveys/follow-ups?all=true", followUpCase);
		example("GET ", "/surveys/follow-ups/{id}", METTE, "/surveys/follow-ups/" + followUp.get("id"), followUpCase);
		// a course to close, a closed one to reopen, and the ordinary hours
		long closed = candidates.make("sagsbehandler").id();
		jdbc.sql("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, team_id, target_group_code,
				  closed_by, closed_at, request_id)
				SELECT id, course_started, current_date, 'EDUCATION', team_id, target_group_code, 'sagsbehandler', now(),
				  gen_random_uuid() FROM candidate WHERE id = ?""").param(closed).update();
		jdbc.sql("UPDATE candidate SET course_closed_on = current_date WHERE id = ?").param(closed).update();
		example("GET ", "/cases/{id}/close", METTE, "/cases/" + c + "/close", c);
		example("GET ", "/cases/{id}/reopen", METTE, "/cases/" + closed + "/reopen", closed);
		example("GET ", "/cases/{id}/hours", METTE, "/cases/" + c + "/hours", c);
		// the consent to dialogue meetings, and a meeting the candidate is invited to (names for organisers only)
		example("GET ", "/cases/{id}/dialogue-consent", METTE, "/cases/" + c + "/dialogue-consent", c);
		long dialogue = jdbc.sql("""
				INSERT INTO dialogue_meeting (held_on, starts_at, place, politicians, request_id, created_by, created_at)
				VALUES (current_date + 30, TIME '16:00', 'Rådhuset', 'Anna Andersen', gen_random_uuid(), 'leder', now())
				RETURNING id""").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO dialogue_invitation (meeting_id, candidate_id, channel, invited_by, invited_at)
				VALUES (?, ?, 'SMS', 'leder', now())""").params(dialogue, c).update();
		example("GET ", "/insights/dialogue/{id}", MANAGER, "/insights/dialogue/" + dialogue, c);
		example("POST ", "/cases/{id}/close", METTE, "/cases/" + c + "/close", none, c);
		example("POST ", "/cases/{id}/reopen", METTE, "/cases/" + closed + "/reopen", none, closed);
		example("POST ", "/cases/{id}/hours", METTE, "/cases/" + c + "/hours", none, c);
		// the reform: a candidate at risk of the 75 % rule (LAB02, in the fifth month, no conversation), the exemptions
		long risky = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET course_started = current_date - interval '4 months' WHERE id = ?").param(risky).update();
		example("GET ", "/reform", MANAGER, "/reform", risky);
		example("GET ", "/cases/{id}/exemptions", METTE, "/cases/" + c + "/exemptions", c);
		example("POST ", "/cases/{id}/exemptions", METTE, "/cases/" + c + "/exemptions", none, c);
		example("POST ", "/cases/{id}/exemptions/{exemption}/end", METTE, "/cases/" + c + "/exemptions/0/end", none, c);
		example("POST ", "/cases/{id}/target-group", METTE, "/cases/" + c + "/target-group", none, c);

		// forms sent back with a mistake show the candidate again; a search shows whom it found
		example("POST ", "/cases", METTE, "/cases", Map.of("q", made.firstName()), c);
		example("POST ", "/cases/{id}/cpr", METTE, "/cases/" + c + "/cpr", none, c);
		example("POST ", "/cases/{id}/notes", METTE, "/cases/" + c + "/notes", Map.of("text", ""), c);
		example("POST ", "/cases/{id}/story", METTE, "/cases/" + c + "/story", Map.of("text", "", "baseVersion", "1"), c);
		example("POST ", "/cases/{id}/reassign", METTE, "/cases/" + c + "/reassign", Map.of("version", "0"), c);
		example("POST ", "/cases/{id}/change-request", METTE, "/cases/" + c + "/change-request", none, c);
		example("POST ", "/cases/{id}/meetings", METTE, "/cases/" + c + "/meetings", none, c);
		example("POST ", "/cases/{id}/meetings/{meetingId}/record", METTE,
				"/cases/" + plannedCase + "/meetings/" + planned.get("id") + "/record", none, plannedCase);
		example("POST ", "/cases/{id}/plan/goals", METTE, "/cases/" + c + "/plan/goals", none, c);
		example("POST ", "/cases/{id}/plan/offers", METTE, "/cases/" + c + "/plan/offers", none, c);
		example("POST ", "/cases/{id}/plan/choice", METTE, "/cases/" + c + "/plan/choice", none, c);
		example("POST ", "/cases/{id}/employment/competences", METTE, "/cases/" + c + "/employment/competences", none, c);
		example("POST ", "/cases/{id}/employment/wishes", METTE, "/cases/" + c + "/employment/wishes",
				Map.of("hoursPerWeek", "99", "version", "0"), c);
		example("POST ", "/letters/send/{candidateId}", METTE, "/letters/send/" + c, none, c);
		example("POST ", "/complaints", HANDLER, "/complaints", Map.of("candidateId", String.valueOf(c)), c);
		example("POST ", "/complaints/{id}/reassessment", HANDLER, "/complaints/" + complaint + "/reassessment", none, c);
		example("POST ", "/surveys/follow-ups/{id}", METTE, "/surveys/follow-ups/" + followUp.get("id"), none, followUpCase);

		// a candidate on their own pages: the candidate is the actor, named by id
		long own = jdbc.sql("SELECT min(id) FROM candidate WHERE course_closed_on IS NULL").query(Long.class).single();
		RequestPostProcessor candidate = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(new CandidateAuthentication(new CandidateIdentity(own, "Demo", AssuranceLevel.SUBSTANTIAL)));
		actors.put(candidate, "candidate:" + own);
		example("GET ", "/min-side", candidate, "/min-side", own);
		// the other Min side pages as a candidate of this test's own (the demo candidates' audit entries are other
		// tests' to check)
		long mine = candidates.make("sagsbehandler").id();
		RequestPostProcessor me = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(new CandidateAuthentication(new CandidateIdentity(mine, "Demo", AssuranceLevel.SUBSTANTIAL)));
		actors.put(me, "candidate:" + mine);
		for (String page : List.of("/min-side/historie", "/min-side/plan", "/min-side/moeder", "/min-side/breve",
				"/min-side/klager", "/min-side/hvem-har-set-mine-data", "/min-side/mine-data/pdf",
				"/min-side/mine-data/json")) {
			example("GET ", page, me, page, mine);
		}
		long ownLetter = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by)
				SELECT gen_random_uuid(), ?, min(id), 'Et brev til dig', 'Hej. Her er dit brev.', 'DIGITAL_POST',
				  'sagsbehandler' FROM letter_template_version RETURNING id""").param(mine).query(Long.class).single();
		example("GET ", "/min-side/breve/{id}", me, "/min-side/breve/" + ownLetter, mine);
		example("GET ", "/min-side/breve/{id}/pdf", me, "/min-side/breve/" + ownLetter + "/pdf", mine);
		// Selvbook: a slot the candidate booked with Mette, the booking page, its forms sent back, the calendar file;
		// Mette's calendar of that week and her slot forms sent back; the case's self-booking page and its forms
		java.time.LocalDateTime slotAt = LocalDate.now().plusDays(2).atTime(6, 20);
		long bookedMeeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status) VALUES (?, 'sagsbehandler', ?, 'PHONE',
				  'PLANNED') RETURNING id""").params(mine, slotAt).query(Long.class).single();
		long bookedSlot = jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, status, candidate_id,
				  meeting_id, booked_at, created_by, created_at)
				VALUES ('sagsbehandler', ?, FALSE, ?, ?, 'PHONE', 'BOOKED', ?, ?, now(), 'sagsbehandler', now()) RETURNING id""")
			.params(team, slotAt, slotAt.plusMinutes(30), mine, bookedMeeting).query(Long.class).single();
		String slotDay = slotAt.toLocalDate().toString();
		example("GET ", "/min-side/tider", me, "/min-side/tider", mine);
		example("POST ", "/min-side/tider/book", me, "/min-side/tider/book", none, mine);
		example("POST ", "/min-side/tider/aflys", me, "/min-side/tider/aflys", none, mine);
		example("GET ", "/min-side/tider/{slot}/kalender.ics", me, "/min-side/tider/" + bookedSlot + "/kalender.ics", mine);
		example("GET ", "/calendar", METTE, "/calendar?week=" + slotDay, mine);
		example("POST ", "/calendar/slots", METTE, "/calendar/slots", Map.of("date", slotDay), mine);
		example("POST ", "/calendar/series", METTE, "/calendar/series", Map.of("from", slotDay), mine);
		example("GET ", "/cases/{id}/selvbook", METTE, "/cases/" + c + "/selvbook", c);
		example("POST ", "/cases/{id}/selvbook", METTE, "/cases/" + c + "/selvbook", none, c);
		example("POST ", "/cases/{id}/selvbook/end", METTE, "/cases/" + c + "/selvbook/end", none, c);
		example("GET ", "/cases/{id}/indsigt", METTE, "/cases/" + c + "/indsigt", c);
		example("POST ", "/cases/{id}/indsigt", METTE, "/cases/" + c + "/indsigt",
				Map.of("reason", "Aktindsigt bedt om i telefonen", "format", "JSON"), c);
		// Min side, part 2 (issue 13, part A): the candidate's own actions; each form sent back with a mistake (or
		// refused) shows the page again and records the read
		example("POST ", "/cases/{id}/plan/decision", METTE, "/cases/" + c + "/plan/decision", none, c);
		long begun = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				VALUES (?, 'sagsbehandler', now() - interval '1 hour', 'IN_PERSON', 'PLANNED') RETURNING id""")
			.param(mine).query(Long.class).single();
		long item = jdbc.sql("""
				INSERT INTO meeting_agenda_item (candidate_id, meeting_id, text, added_at) VALUES (?, ?, 'Mit CV', now())
				RETURNING id""").params(mine, begun).query(Long.class).single();
		long agreed = jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, status, created_at)
				VALUES (?, 'CANDIDATE', 'Send dit CV', 'OPEN', now()) RETURNING id""").param(mine).query(Long.class).single();
		long complained = jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status,
				  registered_by, registered_at)
				SELECT id, team_id, 'PORTAL', current_date, 'Brev', current_date, current_date + 28, FALSE, 'Uenig', 6,
				  current_date + 14, current_date + 28, 'RECEIVED', 'kandidaten', now() FROM candidate WHERE id = ?
				RETURNING id""").param(mine).query(Long.class).single();
		for (String page : List.of("/min-side/forbered", "/min-side/klager/ny", "/min-side/ny-jobkonsulent")) {
			example("GET ", page, me, page, mine);
			example("POST ", page, me, page, Map.of("reason", "x".repeat(2001)), mine);
		}
		example("GET ", "/min-side/klager/{id}/kvittering", me, "/min-side/klager/" + complained + "/kvittering", mine);
		example("POST ", "/min-side/forbered/punkter", me, "/min-side/forbered/punkter", none, mine);
		example("POST ", "/min-side/forbered/punkter/{itemId}", me, "/min-side/forbered/punkter/" + item,
				Map.of("text", "", "version", "0"), mine);
		example("POST ", "/min-side/forbered/punkter/{itemId}/slet", me, "/min-side/forbered/punkter/" + item + "/slet",
				none, mine);
		example("POST ", "/min-side/forbered/aftaler/{agreementId}", me, "/min-side/forbered/aftaler/" + agreed,
				Map.of("note", "x".repeat(501)), mine);
		example("POST ", "/min-side/plan/valg", me, "/min-side/plan/valg", none, mine);
		// issue 13: the thread and the choice of contact (a form with errors is shown again, and recorded)
		example("GET ", "/min-side/beskeder", me, "/min-side/beskeder", mine);
		example("POST ", "/min-side/beskeder", me, "/min-side/beskeder", none, mine);
		example("GET ", "/min-side/kontakt", me, "/min-side/kontakt", mine);
		example("POST ", "/min-side/kontakt", me, "/min-side/kontakt", none, mine);
		// a candidate with an unread message whose thread no other example opens (opening it marks it read)
		long unread = candidates.make("sagsbehandler").id();
		jdbc.sql("""
				INSERT INTO case_message (candidate_id, request_id, from_candidate, written_by, written_at, body, reply_by)
				VALUES (?, gen_random_uuid(), TRUE, 'kandidaten', now() - interval '1 day', 'Hej', current_date)""")
			.param(unread).update();
		example("GET ", "/beskeder", METTE, "/beskeder?mine=true", unread);
		// issue 13: a paper letter in the print list, and a wish for a new caseworker from Min side in the work list
		long paper = candidates.make("sagsbehandler").id();
		jdbc.sql("""
				INSERT INTO contact_preference (candidate_id, channel, language, easy_read, version, changed_by, changed_at)
				VALUES (?, 'LETTER', 'da', FALSE, 1, 'kandidaten', now())""").param(paper).update();
		mvc.perform(post("/letters/send/" + paper).with(METTE).with(csrf()).param("versionId", String.valueOf(invitation))
			.param("meetingTime", "tirsdag den 4. marts kl. 10.00").param("meetingPlace", "Jobcentret, Ringstedgade 1")
			.param("requestId", UUID.randomUUID().toString()));
		long printable = jdbc.sql("SELECT letter_id FROM letter_print WHERE candidate_id = ?").param(paper)
			.query(Long.class).single();
		example("GET ", "/letters/print", METTE, "/letters/print", paper);
		example("GET ", "/letters/print/{letterId}", METTE, "/letters/print/" + printable, paper);
		long wishing = candidates.make("sagsbehandler").id();
		jdbc.sql("""
				INSERT INTO caseworker_change_request (candidate_id, requested_on, registered_by, registered_at, answer_by)
				VALUES (?, current_date, 'kandidaten', now(), current_date + 3)""").param(wishing).update();
		example("GET ", "/change-requests", METTE, "/change-requests", wishing);
		example("GET ", "/cases/{id}/beskeder", METTE, "/cases/" + c + "/beskeder", c);
		example("POST ", "/cases/{id}/beskeder", METTE, "/cases/" + c + "/beskeder", none, c);
	}

	/** Who each caller is in the audit log: the staff users, and a candidate named by id. */
	final Map<RequestPostProcessor, String> actors = new java.util.HashMap<>(NAMES);

	void example(String method, String pattern, RequestPostProcessor as, String url, Long candidate) {
		example(method, pattern, as, url, Map.of(), candidate);
	}

	void example(String method, String pattern, RequestPostProcessor as, String url, Map<String, String> params,
			Long candidate) {
		calls.put(method + pattern, new Call(as, url, params, candidate));
	}

	record Handler(String key, String name, HandlerMethod method) {
	}

	/** Every handler of the application's controllers, one per method and pattern. */
	List<Handler> handlers() {
		List<Handler> handlers = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod method = entry.getValue();
			if (!method.getBeanType().getPackageName().startsWith("dk.vaerdig")) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					handlers.add(new Handler(m + " " + pattern,
							method.getBeanType().getSimpleName() + "." + method.getMethod().getName(), method));
				}
			}
		}
		return handlers;
	}

	static ReadsPersonalData reads(HandlerMethod method) {
		return AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadsPersonalData.class);
	}

	static NoPersonalData none(HandlerMethod method) {
		NoPersonalData onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), NoPersonalData.class);
		return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), NoPersonalData.class);
	}

	@Test
	void everyHandlerSaysWhetherItShowsPersonalData() {
		List<Handler> handlers = handlers();
		assertThat(handlers).as("handlers found").hasSizeGreaterThan(80);
		Set<String> unmarked = new TreeSet<>();
		Set<String> both = new TreeSet<>();
		for (Handler h : handlers) {
			ReadsPersonalData reads = reads(h.method());
			NoPersonalData none = none(h.method());
			if (reads == null && (none == null || none.value().isBlank())) {
				unmarked.add(h.key() + " (" + h.name() + ")");
			}
			if (reads != null && AnnotatedElementUtils.findMergedAnnotation(h.method().getMethod(), NoPersonalData.class) != null) {
				both.add(h.key() + " (" + h.name() + ")");
			}
		}
		assertThat(unmarked).as("handlers marked neither @ReadsPersonalData nor @NoPersonalData with a reason").isEmpty();
		assertThat(both).as("handlers marked both").isEmpty();
	}

	@Test
	void everyHandlerThatReadsPersonalDataRecordsEachCandidateItShows() throws Exception {
		List<String> failures = new ArrayList<>();
		Set<String> proven = new TreeSet<>();
		for (Handler h : handlers()) {
			ReadsPersonalData reads = reads(h.method());
			if (reads == null) {
				continue;
			}
			Call call = calls.get(h.key());
			if (call == null) {
				failures.add(h.key() + " (" + h.name() + "): no example call in this test; add one");
				continue;
			}
			String actor = actors.get(call.as());
			long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
			MockHttpServletRequestBuilder request = (h.key().startsWith("GET") ? get(call.url()) : post(call.url()).with(csrf()))
				.with(call.as());
			call.params().forEach(request::param);
			MvcResult result = mvc.perform(request).andReturn();
			int status = result.getResponse().getStatus();
			if (status != 200) {
				failures.add(h.key() + ": " + call.url() + " answered " + status + " to " + actor + ", not a page");
				continue;
			}
			Map<Long, Set<String>> entries = new LinkedHashMap<>();
			// an entry about one candidate, or a list's naming several
			jdbc.sql("""
					SELECT c, action FROM audit_entry e, unnest(coalesce(e.candidate_ids, ARRAY[e.candidate_id])) AS c
					WHERE seq > ? AND actor = ? AND c IS NOT NULL""")
				.params(before, actor)
				.query(rs -> {
					entries.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
				});
			Set<Long> linked = new LinkedHashSet<>();
			String body = result.getResponse().getContentType() != null
					&& result.getResponse().getContentType().startsWith("text/html")
							? result.getResponse().getContentAsString(StandardCharsets.UTF_8) : "";
			Matcher link = CASE_LINK.matcher(body);
			while (link.find()) {
				linked.add(Long.valueOf(link.group(1)));
			}
			if (entries.isEmpty()) {
				failures.add(h.key() + ": " + call.url() + " as " + actor + " left no audit entry naming a candidate");
				continue;
			}
			if (call.candidate() != null && !entries.containsKey(call.candidate())) {
				failures.add(h.key() + ": " + call.url() + " did not record candidate " + call.candidate() + " (recorded "
						+ entries.keySet() + ")");
			}
			Set<Long> unrecorded = new TreeSet<>(linked);
			unrecorded.removeAll(entries.keySet());
			if (!unrecorded.isEmpty()) {
				failures.add(h.key() + ": " + call.url() + " links to the cases of " + unrecorded + " but did not record them");
			}
			proven.add(h.key() + " " + entries.size() + " candidate(s) " + entries.values().stream()
				.flatMap(Set::stream).distinct().sorted().toList());
		}
		proven.forEach(p -> System.out.println("PersonalDataReadsIntegrationTest: recorded " + p));
		assertThat(failures).isEmpty();
	}

	@Test
	void aListIsRecordedAsOneEntryNamingEveryCandidateShownWithTheKindOfUse() throws Exception {
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		String body = mvc.perform(get("/cases").with(METTE)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Set<Long> shown = new LinkedHashSet<>();
		Matcher link = CASE_LINK.matcher(body);
		while (link.find()) {
			shown.add(Long.valueOf(link.group(1)));
		}
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT candidate_id, candidate_ids, action, detail FROM audit_entry WHERE seq > ? AND actor = 'sagsbehandler'
				ORDER BY seq""").param(before).query().listOfRows();
		assertThat(shown).hasSizeGreaterThan(5);
		// one entry, naming the candidates in the order shown
		assertThat(rows).hasSize(1);
		Map<String, Object> entry = rows.get(0);
		assertThat(entry.get("candidate_id")).isNull();
		Long[] named = (Long[]) ((java.sql.Array) entry.get("candidate_ids")).getArray();
		assertThat(named).containsExactlyElementsOf(shown);
		assertThat(entry.get("action")).isEqualTo("VIEW_LIST");
		assertThat(entry.get("detail")).isEqualTo("candidate list");
		// the administrator's search by candidate finds the read for each of them, the first and the last alike
		for (long candidate : List.of(named[0], named[named.length - 1])) {
			mvc.perform(get("/admin/audit").param("candidateId", String.valueOf(candidate)).with(user("admin").roles("ADMIN")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString("Vist i en liste")));
		}
		assertThat(audit.search(new AuditLog.AuditQuery(named[named.length - 1], "sagsbehandler", null, null, 0, 10)))
			.first()
			.satisfies(e -> assertThat(e.candidates()).containsExactly(named));
	}

	@Test
	void theCasePageIsRecordedOnceAndARedirectRecordsNothing() throws Exception {
		long c = candidates.make("sagsbehandler").id();
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		mvc.perform(get("/cases/{id}", c).with(METTE));
		// a note saved redirects: no read is recorded
		mvc.perform(post("/cases/{id}/notes", c).with(METTE).with(csrf()).param("text", "Ringede om mødet"));
		List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE seq > ? AND candidate_id = ? ORDER BY seq")
			.params(before, c).query(String.class).list();
		assertThat(actions).containsExactly("VIEW_CASE");
	}
}
