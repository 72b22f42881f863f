package dk.vaerdig.letters;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.LetterTemplates;
import dk.vaerdig.letters.internal.TemplateVersion;

/** The letters module through its pages, on the embedded PostgreSQL with the shipped dictionaries and templates. */
@IntegrationTest
class LettersIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor SARA = user("kommunikation").roles("COMMUNICATION");

	static final RequestPostProcessor OTHER_REVIEWER = user("kommunikation2").roles("COMMUNICATION");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	LetterTemplates templates;

	/** The second reviewer is a real member of staff: every request is checked against the staff row. */
	@org.junit.jupiter.api.BeforeEach
	void secondReviewerIsStaff() {
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, role) VALUES ('kommunikation2', 'Kim Kommunikation', 'COMMUNICATION')
				ON CONFLICT (username) DO NOTHING""").update();
	}

	@Test
	void theEditorExplainsFindingsAndTheHtmxRequestGetsOnlyTheAnalysis() throws Exception {
		String text = "Vi skriver vedrørende din ansøgning. Du bedes sende papirerne.";
		mvc.perform(post("/letters/editor").param("text", text).param("category", "INFORMATION").with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("er kancellisprog. Skriv hellere »om«")))
			.andExpect(content().string(containsString("<mark")))
			.andExpect(content().string(containsString("<html")));
		mvc.perform(post("/letters/editor").header("HX-Request", "true").param("text", text).param("category", "INFORMATION")
			.with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"analysis\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void theEditorShowsTheKindItFoundAndTheWriterCanChooseAnother() throws Exception {
		String text = "Du mødte ikke op til samtalen den 3. marts. Vi har derfor besluttet at trække 800 kr. i din kontanthjælp.";
		mvc.perform(post("/letters/editor").param("text", text).param("category", "SYSTEM").with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Fundet ud fra teksten: Afgørelse")))
			.andExpect(content().string(containsText("Vi har derfor besluttet at trække 800 kr.")))
			.andExpect(content().string(containsText("Klagefrist mangler")));
		mvc.perform(post("/letters/editor").param("text", text).param("category", "CONSULTATION").with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Du har valgt: Partshøring. Analysen fandt: Afgørelse.")))
			.andExpect(content().string(not(containsText("Klagefrist mangler"))));
		// a marked subject line: LIX of the body beside the whole
		mvc.perform(post("/letters/editor").param("text", "Afgørelse om transport\n\n" + text).param("category", "SYSTEM")
			.param("subjectLine", "true").with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("LIX uden emnelinjen")));
	}

	@Test
	void aSuggestionIsAppliedWithOneClick() throws Exception {
		String text = "Vi skriver vedrørende din ansøgning.";
		int start = text.indexOf("vedrørende");
		mvc.perform(post("/letters/editor").param("text", text).param("category", "INFORMATION")
			.param("apply", start + ":" + (start + "vedrørende".length())).with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Vi skriver om din ansøgning.")));
	}

	@Test
	void theReviewAllowsOnlyItsTransitionsAndNotTheAuthorsOwnApproval() throws Exception {
		mvc.perform(post("/letters/templates").param("name", "Test af gennemsyn").param("category", "INFORMATION")
			.param("subject", "Hej {{fornavn}}").param("body", "Vi ses. Ring til mig på {{sagsbehandler_telefon}}.")
			.with(SARA).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM letter_template WHERE name = 'Test af gennemsyn'").query(Long.class).single();
		TemplateVersion draft = templates.version(id, 1).orElseThrow();
		String base = "/letters/templates/" + id + "/versions/1";

		// a caseworker cannot approve, and a draft cannot be approved
		mvc.perform(post(base + "/approve").param("rowVersion", "0").with(METTE).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(base + "/approve").param("rowVersion", "0").with(OTHER_REVIEWER).with(csrf()))
			.andExpect(status().isConflict());

		mvc.perform(post(base + "/submit").param("rowVersion", String.valueOf(draft.rowVersion())).param("comment", "Klar")
			.with(SARA).with(csrf())).andExpect(status().is3xxRedirection());
		int inReview = templates.version(id, 1).orElseThrow().rowVersion();
		// a stale row version is refused (optimistic locking)
		mvc.perform(post(base + "/approve").param("rowVersion", String.valueOf(inReview - 1)).with(OTHER_REVIEWER).with(csrf()))
			.andExpect(status().isConflict());
		// the author cannot approve their own text
		mvc.perform(post(base + "/approve").param("rowVersion", String.valueOf(inReview)).with(SARA).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post(base + "/approve").param("rowVersion", String.valueOf(inReview)).param("comment", "Fint og klart")
			.with(OTHER_REVIEWER).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(templates.version(id, 1).orElseThrow().status()).isEqualTo(TemplateVersion.Status.APPROVED);
		mvc.perform(get(base).with(SARA)).andExpect(content().string(containsText("Fint og klart")));

		// an approved version never changes; a new version is a new draft, and the diff shows the change
		assertThatThrownBy(() -> templates.edit(templates.version(id, 1).orElseThrow().id(),
				templates.version(id, 1).orElseThrow().rowVersion(), "x", "y"))
			.isInstanceOf(TemplateVersion.IllegalTransition.class);
		mvc.perform(post("/letters/templates/" + id + "/versions").with(SARA).with(csrf())).andExpect(status().is3xxRedirection());
		TemplateVersion two = templates.version(id, 2).orElseThrow();
		templates.edit(two.id(), two.rowVersion(), two.subject(), "Vi ses på tirsdag. Ring til mig på {{sagsbehandler_telefon}}.");
		mvc.perform(get("/letters/templates/" + id + "/diff").param("a", "1").param("b", "2").with(SARA))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<del")))
			.andExpect(content().string(containsText("Vi ses på tirsdag.")));
	}

	@Test
	void onlyAnApprovedVersionIsSentAndADoubleSubmitSendsOnce() throws Exception {
		var c = candidates.make("sagsbehandler");
		long draftId = templates.version(templates.create("Kladde til test", LetterCategory.INFORMATION, "Hej", "Hej {{fornavn}}.",
				"kommunikation"), 1).orElseThrow().id();
		mvc.perform(post("/letters/send/" + c.id()).param("versionId", String.valueOf(draftId))
			.param("requestId", UUID.randomUUID().toString()).with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Kun en godkendt version kan sendes")));

		long invitation = templates.approved(1).orElseThrow().id();
		String requestId = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/letters/send/" + c.id()).param("versionId", String.valueOf(invitation))
				.param("meetingTime", "tirsdag den 4. marts kl. 10.00").param("meetingPlace", "Jobcentret, Ringstedgade 1")
				.param("requestId", requestId).with(METTE).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.sql("SELECT count(*) FROM letter_sent WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isEqualTo(1);
		String body = jdbc.sql("SELECT o.body FROM letter_outbox o WHERE o.candidate_id = ?").param(c.id()).query(String.class).single();
		assertThat(body).startsWith("Kære " + c.firstName()).contains("tirsdag den 4. marts kl. 10.00").doesNotContain("{{");
		mvc.perform(get("/cases/" + c.id()).with(METTE))
			.andExpect(content().string(containsText("Brev sendt")))
			.andExpect(content().string(containsText("Vi vil gerne tale med dig")));
	}

	@Test
	void aLetterWithAnEmptyMergeFieldIsNotSent() throws Exception {
		var c = candidates.make("sagsbehandler");
		long invitation = templates.approved(1).orElseThrow().id();
		mvc.perform(post("/letters/send/" + c.id()).param("versionId", String.valueOf(invitation))
			.param("requestId", UUID.randomUUID().toString()).with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("mødetid")));
		assertThat(jdbc.sql("SELECT count(*) FROM letter_sent WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCaseworkerSendsOnlyToCandidatesOfTheirOwnTeam() throws Exception {
		String otherTeam = jdbc.sql("""
				SELECT username FROM staff_user WHERE role = 'CASEWORKER'
				AND team_id <> (SELECT team_id FROM staff_user WHERE username = 'sagsbehandler') LIMIT 1""")
			.query(String.class).single();
		var c = candidates.make(otherTeam);
		// another team's candidate answers as a missing one (404), so ids cannot be probed
		mvc.perform(get("/letters/send/" + c.id()).with(METTE)).andExpect(status().isNotFound());
		mvc.perform(get("/letters/send/" + c.id()).with(SARA)).andExpect(status().isForbidden());
	}

	@Test
	void theBatchAuditReadsTextHtmlWordAndPdfAndExportsSafeCsv() throws Exception {
		MockMultipartFile txt = file("=HYPERLINK(1).txt", "Undertegnede skal hermed meddele, at De bedes fremsende dokumentation.".getBytes(StandardCharsets.UTF_8));
		MockMultipartFile html = file("brev.html", "<html><body><h1>Din samtale</h1><p>Vi ses tirsdag. Ring til mig på 12 34 56 78. Herefter laver vi en plan.</p></body></html>".getBytes(StandardCharsets.UTF_8));
		MockMultipartFile docx = file("afgoerelse.docx", docx("Der er truffet afgørelse i din sag."));
		MockMultipartFile pdf = file("info.pdf", pdf("Vi har modtaget Deres ansogning."));
		MvcResult started = mvc.perform(multipart("/letters/audit").file(txt).file(html).file(docx).file(pdf)
			.param("category", "SYSTEM").with(SARA).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = started.getResponse().getRedirectedUrl();
		for (int i = 0; i < 100; i++) {
			String page = mvc.perform(get(location).with(SARA)).andReturn().getResponse().getContentAsString();
			if (page.contains("brevgennemgang") || page.contains("report.csv")) {
				break;
			}
			Thread.sleep(100);
		}
		mvc.perform(get(location).with(SARA))
			.andExpect(content().string(containsText("afgoerelse.docx")))
			.andExpect(content().string(containsText("info.pdf")));
		String csv = mvc.perform(get(location + "/report.csv").with(SARA)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(1).txt\"").doesNotContain(";=HYPERLINK");
		// worst first: the system letter announcing a decision without any of the required elements; the plain one last
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("afgoerelse.docx").contains("Afgørelse");
		assertThat(csv.lines().reduce((a, b) -> b).orElseThrow()).contains("brev.html");
		assertThat(csv.lines().count()).isEqualTo(5);
	}

	@Test
	void otherFileTypesAreRejectedWithAClearMessage() throws Exception {
		mvc.perform(multipart("/letters/audit").file(file("virus.exe", new byte[] { 1, 2 })).with(SARA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Disse filer kan ikke læses: virus.exe")));
	}

	@Test
	void communicationStaffEditTheDictionaryAndTheAnalysisUsesItAtOnce() throws Exception {
		mvc.perform(post("/letters/dictionary").param("kind", "OFFICIALESE").param("phrase", "tilbagemelding")
			.param("alternative", "svar").with(SARA).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/letters/editor").param("text", "Vi venter på din tilbagemelding.").param("category", "INFORMATION")
			.with(SARA).with(csrf()))
			.andExpect(content().string(containsText("Skriv hellere »svar«")));
		mvc.perform(get("/letters/dictionary").with(METTE)).andExpect(status().isForbidden());
		mvc.perform(get("/letters/audit").with(METTE)).andExpect(status().isForbidden());
	}

	static MockMultipartFile file(String name, byte[] bytes) {
		return new MockMultipartFile("files", name, "application/octet-stream", bytes);
	}

	static byte[] docx(String text) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
	}

	static byte[] pdf(String text) throws Exception {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				stream.newLineAtOffset(72, 700);
				stream.showText(text);
				stream.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}
}
