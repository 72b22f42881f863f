package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;

import dk.vaerdig.TestCandidates;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.LetterTemplates;

/** The letters pages in Chromium: the live editor, the review and the batch audit, each checked with axe-core. */
class LettersBrowserTest extends BrowserTest {

	@Autowired
	LetterTemplates templates;

	@Autowired
	TestCandidates candidates;

	@Test
	void theEditorAnalysesWhileOneTypesAndAppliesASuggestion() {
		login("kommunikation");
		open("/letters/editor");
		assertAccessible();
		find("#text").sendKeys("Vi skriver vedrørende din ansøgning. Du bedes sende papirerne.");
		// htmx posts the text after a pause and swaps in the analysis, without a page load
		waitFor(d -> !d.findElements(By.cssSelector("#analysis mark")).isEmpty());
		assertThat(text()).contains("er kancellisprog").contains("Fundet ud fra teksten: Information");
		screenshot("letters-editor");
		// each "Brug forslaget" button's accessible name begins with its visible text (WCAG 2.5.3)
		waitFor(d -> !d.findElements(By.cssSelector("#analysis .findings button[name=apply]")).isEmpty());
		assertThat(assertAccessible().getPasses()).extracting(com.deque.html.axecore.results.Rule::getId)
			.contains("label-content-name-mismatch");
		assertThat(findAll("#analysis .findings button[name=apply]"))
			.allSatisfy(b -> assertThat(b.getAttribute("aria-label")).startsWith(b.getText()));
		// the analysis may still be swapped in by a last htmx request: retry on a stale element
		waitFor(d -> {
			try {
				d.findElement(By.cssSelector("#analysis .findings button[name=apply]")).click();
				return true;
			}
			catch (StaleElementReferenceException e) {
				return false;
			}
		});
		waitFor(d -> {
			try {
				return d.findElement(By.id("text")).getAttribute("value").contains("Vi skriver om din ansøgning.");
			}
			catch (StaleElementReferenceException e) {
				return false;
			}
		});
		assertAccessible();
	}

	@Test
	void theReviewPageLetsAnotherReviewerApprove() {
		long id = templates.create("Browser-gennemsyn", LetterCategory.INVITATION, "Vi vil gerne tale med dig",
				"Kære {{fornavn}}\n\nVi vil gerne tale med dig {{mødetid}}. Ring til mig på {{sagsbehandler_telefon}}. Herefter laver vi en plan.",
				"system");
		var v = templates.version(id, 1).orElseThrow();
		templates.submit(v.id(), v.rowVersion(), "system", "Klar til gennemsyn");
		login("kommunikation");
		open("/letters/templates/" + id + "/versions/1");
		assertThat(text()).contains("Klar til gennemsyn");
		assertAccessible();
		type("review-comment", "Fint og klart");
		submit("#review");
		assertThat(text()).contains("Versionen er godkendt");
		screenshot("letters-review");
		assertAccessible();
		open("/letters/templates/" + id);
		assertAccessible();
		open("/letters/templates");
		assertAccessible();
	}

	@Test
	void theBatchAuditShowsProgressAndARankedReport() throws Exception {
		Path dir = Files.createTempDirectory("letters-browser");
		Path bad = Files.writeString(dir.resolve("system-brev.txt"),
				"Undertegnede skal hermed meddele, at De bedes fremsende dokumentation vedrørende Deres formue.",
				StandardCharsets.UTF_8);
		Path good = Files.writeString(dir.resolve("invitation.html"),
				"<p>Vi vil gerne tale med dig. Ring til mig på 12 34 56 78. Herefter laver vi en plan.</p>", StandardCharsets.UTF_8);
		login("kommunikation");
		open("/letters/audit");
		assertAccessible();
		find("#files").sendKeys(bad + "\n" + good);
		submit("form.form");
		waitFor(d -> d.getPageSource().contains("report.csv"));
		assertThat(findAll("table tbody tr")).hasSize(2);
		assertThat(find("table tbody tr td:nth-child(2)").getText()).isEqualTo("system-brev.txt");
		screenshot("letters-audit");
		assertAccessible();
	}

	@ParameterizedTest(name = "{1} as {0} ({2})")
	@CsvSource({ "kommunikation, /letters, da", "kommunikation, /letters/dictionary, en",
			"kommunikation, /letters/dictionary?kind=DISEMPOWERING, da", "kommunikation, /letters/templates/2/versions/1, en",
			"kommunikation, /letters/templates/2/diff?a=1&b=1, da", "sagsbehandler, /letters/send/{id}, da",
			"sagsbehandler, /letters/outbox, en", "admin, /admin/letter-api-tokens, da", "admin, /admin/letter-api-tokens, en" })
	void letterPagesHaveNoWcagViolations(String user, String path, String lang) {
		var c = candidates.make("sagsbehandler");
		login(user);
		open(path.replace("{id}", String.valueOf(c.id())) + (path.contains("?") ? "&" : "?") + "lang=" + lang);
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
		assertAccessible();
	}
}
