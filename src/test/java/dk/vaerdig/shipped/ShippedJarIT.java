package dk.vaerdig.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dk.vaerdig.WebSession;
import dk.vaerdig.demo.DemoDataGenerator;

/**
 * The jar users run, started with {@code java -jar} (see {@link ShippedJar}): it makes every file it offers (the
 * forwarding package after a reassessment done through the forms, the learning report, the dashboard's exports, the
 * letters audit report) and each opens; then every demo role, and a visitor without login, follows every link it can
 * reach, and no page answers 5xx. Run by Failsafe in {@code mvn verify}, after {@code package}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedJarIT {

	static final String PASSWORD = "demo";

	static final int MAX_VISITS_PER_ROLE = 300;

	static ShippedJar app;

	/** Pages the earlier tests made that no link from the front page leads to: the crawl starts there too. */
	static final List<String> MADE = new ArrayList<>();

	@BeforeAll
	static void startTheJar() throws Exception {
		app = ShippedJar.start(Duration.ofMinutes(5));
	}

	@AfterAll
	static void stopTheJar() {
		if (app != null) {
			app.close();
		}
	}

	WebSession as(String username) {
		return WebSession.login(app.base(), username, PASSWORD);
	}

	@Test
	@Order(1)
	void theForwardingPackageIsAPdfAfterAReassessmentThroughTheForms() throws Exception {
		WebSession handler = as("klage");
		// a complaint registered through the form, for the first candidate on the list
		Document cases = Jsoup.parse(WebSession.text(handler.get("/cases")), app.base().toString());
		Element candidate = cases.selectFirst("a[href~=^/cases/\\d+$]");
		assertThat(candidate).as("a candidate on the case list").isNotNull();
		HttpResponse<byte[]> newForm = handler.get("/complaints/new?candidate=" + candidate.attr("href").substring(7));
		Element register = Jsoup.parse(WebSession.text(newForm), app.base().toString()).selectFirst("form[action=/complaints]");
		Map<String, String> complaint = WebSession.fields(register);
		complaint.put("decisionRef", "Sanktion af " + LocalDate.now().minusDays(3));
		complaint.put("decisionReceivedOn", LocalDate.now().minusDays(3).toString());
		complaint.put("receivedOn", LocalDate.now().toString());
		complaint.put("whatCandidateSays", "Jeg er uenig i sanktionen.");
		complaint.put("channel", register.selectFirst("select[name=channel] option[value~=.+]").attr("value"));
		complaint.put("categoryId", register.selectFirst("select[name=categoryId] option[value~=.+]").attr("value"));
		HttpResponse<byte[]> registered = handler.post("/complaints", complaint);
		assertThat(registered.statusCode()).as(WebSession.text(registered)).isEqualTo(302);
		String path = registered.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String reassessment = path + "/reassessment";
		HttpResponse<byte[]> page = handler.get(path);
		assertThat(WebSession.text(page)).contains(reassessment);
		Document form = Jsoup.parse(WebSession.text(page), app.base().toString());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", handler.csrf(page, reassessment));
		fields.put("version", form.selectFirst("form[action=" + reassessment + "] input[name=version]").attr("value"));
		fields.put("outcome", "NOT_UPHELD");
		fields.put("reassessment", "Kommunen fastholder afgørelsen, fordi lovens betingelser ikke er opfyldt.");
		HttpResponse<byte[]> saved = handler.post(reassessment, fields);
		assertThat(saved.statusCode()).as(WebSession.text(saved)).isEqualTo(302);
		MADE.add(path);
		HttpResponse<byte[]> pdf = handler.get(path + "/package.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(Downloads.mediaType(pdf)).isEqualTo(Downloads.PDF);
		assertThat(Downloads.check(pdf)).startsWith("PDF");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
				.contains("Jeg er uenig i sanktionen.", "Kommunen fastholder afgørelsen");
		}
		// the error page is in the jar too: an unknown complaint is a page in Danish, not a 500 or JSON
		HttpResponse<byte[]> missing = handler.get("/complaints/999999999/package.pdf");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(WebSession.text(missing)).contains("<html lang=\"da\"").contains("<title>");
	}

	@Test
	@Order(2)
	void theReportsAndExportsOpen() throws Exception {
		WebSession handler = as("klage");
		for (String export : List.of("/complaints/report.csv", "/insights/surveys.csv", "/insights/surveys.xlsx")) {
			HttpResponse<byte[]> file = handler.get(export);
			assertThat(file.statusCode()).as(export).isEqualTo(200);
			assertThat(Downloads.isFile(file)).as(export + " is " + WebSession.contentType(file)).isTrue();
			System.out.println("ShippedJarIT: " + export + ": " + Downloads.check(file));
		}
		WebSession communication = as("kommunikation");
		HttpResponse<byte[]> form = communication.get("/letters/audit");
		HttpResponse<byte[]> started = communication.postMultipart("/letters/audit",
				Map.of("_csrf", communication.csrf(form, "/letters/audit"), "category", "SYSTEM"), "files",
				Map.of("afgoerelse.txt", "Du bedes fremsende dokumentation. Undertegnede skal foretage en vurdering."
					.getBytes(StandardCharsets.UTF_8), "partshoering.docx", docx("Vi har modtaget din ansøgning.")));
		assertThat(started.statusCode()).as(WebSession.text(started)).isEqualTo(302);
		String job = app.base().relativize(app.base().resolve(started.headers().firstValue("Location").orElseThrow())).toString();
		job = job.startsWith("/") ? job : "/" + job;
		MADE.add(job);
		HttpResponse<byte[]> report = null;
		for (int i = 0; i < 120 && (report == null || report.statusCode() != 200 || !finished(communication, job)); i++) {
			Thread.sleep(500);
			report = communication.get(job + "/report.csv");
		}
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(Downloads.check(report)).startsWith("CSV");
		assertThat(WebSession.text(report)).contains("afgoerelse.txt").contains("partshoering.docx");
	}

	@Test
	@Order(3)
	void everyRoleFollowsEveryLinkWithoutA5xxAndEveryFileOpens() {
		List<String> failures = new ArrayList<>();
		List<Crawler.Visit> visits = new ArrayList<>();
		Crawler anonymous = new Crawler(WebSession.anonymous(app.base()), "anonymous", MAX_VISITS_PER_ROLE);
		visits.addAll(anonymous.crawl("/", "/login", "/lobby", "/accessibility", "/book/unknown-booking-key"));
		failures.addAll(anonymous.failures());
		for (DemoDataGenerator.Login login : DemoDataGenerator.LOGINS) {
			Crawler crawler = new Crawler(as(login.username()), login.username(), MAX_VISITS_PER_ROLE);
			List<String> starts = new ArrayList<>(List.of("/"));
			starts.addAll(MADE);
			List<Crawler.Visit> seen = crawler.crawl(starts.toArray(String[]::new));
			visits.addAll(seen);
			failures.addAll(crawler.failures());
			System.out.printf("ShippedJarIT: %s visited %d addresses (%d shapes)%n", login.username(), seen.size(),
					crawler.shapesVisited().size());
			assertThat(seen).as(login.username() + " reached pages beyond the front page").hasSizeGreaterThan(3);
		}
		long files = visits.stream().filter(v -> v.file() != null).count();
		visits.stream().filter(v -> v.file() != null)
			.forEach(v -> System.out.println("ShippedJarIT: " + v.role() + " " + v.uri().getPath() + ": " + v.file()));
		System.out.printf("ShippedJarIT: %d addresses visited, %d files opened, %d failures%n", visits.size(), files,
				failures.size());
		assertThat(failures).as("5xx answers, missing assets and files that do not open\n" + app.logTail(40)).isEmpty();
		assertThat(visits.stream().map(v -> v.uri().getPath()))
			.as("the crawl found the package, the report and the exports")
			.anyMatch(p -> p.matches("/complaints/\\d+/package\\.pdf"))
			.contains("/complaints/report.csv", "/insights/surveys.csv", "/insights/surveys.xlsx");
	}

	private static boolean finished(WebSession session, String job) {
		return !WebSession.text(session.get(job)).contains("hx-get");
	}

	private static byte[] docx(String text) throws Exception {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
	}
}
