package dk.vaerdig.letters;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.complaints.internal.Complaints;
import dk.vaerdig.letters.internal.LetterTemplates;

/**
 * Letters follow the candidate's contact preference (issue 13): Digital Post, or paper through the print list for a
 * candidate who chose a paper letter; a short notice by SMS or e-mail to a candidate who prefers one of them; English
 * when the template has an English text, else Danish with a note; the writer sees interpreter and easy-read wishes;
 * and a complaint from Min side gets its receipt from the system, once.
 */
@IntegrationTest
class LetterRoutingIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	LetterTemplates templates;

	@Autowired
	Complaints complaints;

	void prefer(long candidateId, String channel, String language, String interpreter, boolean easyRead) {
		jdbc.sql("""
				INSERT INTO contact_preference (candidate_id, channel, language, interpreter_language, easy_read, version,
				  changed_by, changed_at) VALUES (?, ?, ?, ?, ?, 1, 'kandidaten', now())""")
			.params(candidateId, channel, language, interpreter, easyRead)
			.update();
	}

	/** Sends the invitation (template 1) as the caseworker; returns the letter's row. */
	Map<String, Object> sendInvitation(long candidateId) throws Exception {
		long invitation = templates.approved(1).orElseThrow().id();
		String requestId = UUID.randomUUID().toString();
		mvc.perform(post("/letters/send/" + candidateId).param("versionId", String.valueOf(invitation))
			.param("meetingTime", "tirsdag den 4. marts kl. 10.00").param("meetingPlace", "Jobcentret")
			.param("requestId", requestId).with(METTE).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT * FROM letter_sent WHERE request_id = ?").param(UUID.fromString(requestId)).query()
			.singleRow();
	}

	long outbox(long letterId) {
		return jdbc.sql("SELECT count(*) FROM letter_outbox WHERE letter_id = ?").param(letterId).query(Long.class).single();
	}

	List<Map<String, Object>> notices(long letterId) {
		return jdbc.sql("SELECT channel, body, status FROM outgoing_message WHERE idempotency_key = ?")
			.param("letter-notice:" + letterId)
			.query()
			.listOfRows();
	}

	@Test
	void aCandidateWhoPrefersSmsGetsTheLetterByDigitalPostAndANoticeWithoutItsContentBySms() throws Exception {
		var c = candidates.make("sagsbehandler");
		Map<String, Object> letter = sendInvitation(c.id()); // no preference said: SMS
		long id = (Long) letter.get("id");
		assertThat(letter.get("route")).isEqualTo("DIGITAL_POST");
		assertThat(letter.get("notice_channel")).isEqualTo("SMS");
		assertThat(outbox(id)).isEqualTo(1);
		List<Map<String, Object>> notices = notices(id);
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).get("channel")).isEqualTo("SMS");
		assertThat((String) notices.get(0).get("body")).contains("Du har fået et brev fra jobcentret")
			.contains("Digital Post")
			.doesNotContain("4. marts");
		mvc.perform(get("/cases/" + c.id()).with(METTE))
			.andExpect(content().string(containsText("Brev sendt med Digital Post, besked om det på sms")));
	}

	@Test
	void aCandidateWhoPrefersEmailGetsTheNoticeByEmailAndOneWhoPrefersDigitalPostGetsNoNotice() throws Exception {
		var byMail = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET email = 'testa@example.org' WHERE id = ?").param(byMail.id()).update();
		prefer(byMail.id(), "EMAIL", "da", null, false);
		long mailed = (Long) sendInvitation(byMail.id()).get("id");
		assertThat(notices(mailed)).singleElement().satisfies(n -> assertThat(n.get("channel")).isEqualTo("EMAIL"));

		var digital = candidates.make("sagsbehandler");
		prefer(digital.id(), "DIGITAL_POST", "da", null, false);
		Map<String, Object> letter = sendInvitation(digital.id());
		assertThat(letter.get("route")).isEqualTo("DIGITAL_POST");
		assertThat(letter.get("notice_channel")).isNull();
		assertThat(notices((Long) letter.get("id"))).isEmpty();
		assertThat(outbox((Long) letter.get("id"))).isEqualTo(1);
	}

	@Test
	void aCandidateWhoChosePaperGetsTheLetterThroughThePrintListAndNotByDigitalPost() throws Exception {
		var c = candidates.make("sagsbehandler");
		prefer(c.id(), "LETTER", "da", null, false);
		Map<String, Object> letter = sendInvitation(c.id());
		long id = (Long) letter.get("id");
		assertThat(letter.get("route")).isEqualTo("PAPER");
		assertThat(outbox(id)).isZero();
		assertThat(notices(id)).isEmpty();
		mvc.perform(get("/letters/print").with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.firstName() + " " + c.lastName())));
		mvc.perform(get("/letters/print/" + id).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Kære " + c.firstName())))
			.andExpect(content().string(containsText("Brev sendt med posten")));
		mvc.perform(post("/letters/print/" + id + "/printed").with(METTE).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT printed_by FROM letter_print WHERE letter_id = ?").param(id).query(String.class)
			.single()).isEqualTo("sagsbehandler");
		mvc.perform(get("/letters/print").with(METTE))
			.andExpect(content().string(not(containsText(c.firstName() + " " + c.lastName()))));
		// a caseworker of another team neither sees it in the list nor opens it
		String other = jdbc.sql("""
				SELECT username FROM staff_user WHERE role = 'CASEWORKER'
				AND team_id <> (SELECT team_id FROM staff_user WHERE username = 'sagsbehandler') LIMIT 1""")
			.query(String.class).single();
		mvc.perform(get("/letters/print/" + id).with(user(other).roles("CASEWORKER"))).andExpect(status().isNotFound());
		mvc.perform(get("/cases/" + c.id()).with(METTE))
			.andExpect(content().string(containsText("Brev sendt med posten")));
	}

	@Test
	void englishGoesInEnglishWhereTheTemplateHasItAndElseInDanishWithANote() throws Exception {
		var c = candidates.make("sagsbehandler");
		prefer(c.id(), "DIGITAL_POST", "en", null, false);
		Map<String, Object> danish = sendInvitation(c.id());
		assertThat(danish.get("language")).isEqualTo("da");
		assertThat(danish.get("translation_missing")).isEqualTo(true);
		assertThat((String) danish.get("body")).startsWith("We do not have this letter in English")
			.contains("Kære " + c.firstName());

		jdbc.sql("""
				INSERT INTO letter_template_translation (template_id, language, subject, body, created_by)
				VALUES (1, 'en', 'We would like to talk with you', 'Dear {{fornavn}}, see you {{mødetid}} at {{mødested}}.', 'test')
				ON CONFLICT DO NOTHING""").update();
		try {
			Map<String, Object> english = sendInvitation(c.id());
			assertThat(english.get("language")).isEqualTo("en");
			assertThat(english.get("translation_missing")).isEqualTo(false);
			assertThat(english.get("subject")).isEqualTo("We would like to talk with you");
			assertThat(english.get("body")).isEqualTo("Dear " + c.firstName() + ", see you tirsdag den 4. marts kl. 10.00 at Jobcentret.");
		}
		finally {
			jdbc.sql("DELETE FROM letter_template_translation WHERE template_id = 1 AND created_by = 'test'").update();
		}
	}

	@Test
	void theWriterSeesTheInterpreterEasyReadAndHowTheLetterWillGo() throws Exception {
		var c = candidates.make("sagsbehandler");
		prefer(c.id(), "LETTER", "en", "arabisk", true);
		mvc.perform(get("/letters/send/" + c.id()).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Kandidaten har brug for tolk (arabisk)")))
			.andExpect(content().string(containsText("Kandidaten ønsker let læste tekster")))
			.andExpect(content().string(containsText("Kandidaten læser engelsk")))
			.andExpect(content().string(containsText("Brevet kommer på printlisten")));
		var plain = candidates.make("sagsbehandler");
		mvc.perform(get("/letters/send/" + plain.id()).with(METTE))
			.andExpect(content().string(containsText("Brevet sendes med Digital Post")))
			.andExpect(content().string(not(containsText("brug for tolk"))));
	}

	@Test
	void aComplaintFromMinSideGetsItsReceiptFromTheSystemOnceEvenOnADoubleSubmit() throws Exception {
		SecurityContextHolder.clearContext(); // no member of staff: the candidate's own request
		var c = candidates.make("sagsbehandler");
		long team = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(c.id()).query(Long.class).single();
		UUID request = UUID.randomUUID();
		String decision = "Afgørelse om sanktion " + c.id();
		Callable<Long> submit = () -> complaints.registerFromCandidate(request, c.id(), team, decision,
				LocalDate.now().minusDays(3), "Jeg er ikke enig", null);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = two.submit(submit);
			Future<Long> second = two.submit(submit);
			assertThat(first.get()).isEqualTo(second.get());
		}
		finally {
			two.shutdown();
		}
		assertThat(complaints.registerFromCandidate(request, c.id(), team, decision, LocalDate.now().minusDays(3),
				"Jeg er ikke enig", null)).isPositive();
		List<Map<String, Object>> letters = jdbc.sql("SELECT * FROM letter_sent WHERE candidate_id = ?").param(c.id())
			.query().listOfRows();
		assertThat(letters).hasSize(1);
		Map<String, Object> receipt = letters.get(0);
		assertThat(receipt.get("sent_by")).isEqualTo("system");
		assertThat(receipt.get("subject")).isEqualTo("Vi har fået din klage");
		assertThat((String) receipt.get("body")).contains(decision).contains("Du får svar fra os senest den")
			.doesNotContain("{{");
		assertThat(receipt.get("notice_channel")).isEqualTo("SMS");
		assertThat(jdbc.sql("""
				SELECT actor FROM audit_entry WHERE candidate_id = ? AND detail LIKE 'letter % sent (%'""")
			.param(c.id()).query(String.class).list()).containsExactly("system");
	}
}
