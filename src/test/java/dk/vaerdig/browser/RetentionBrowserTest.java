package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The retention dry run for administrators, reached from the menu, in Danish and English: axe-core (WCAG 2.1 A and
 * AA) and no sideways scrolling on a phone or at 200 % zoom.
 */
class RetentionBrowserTest extends BrowserTest {

	@ParameterizedTest(name = "/admin/retention ({0})")
	@CsvSource({ "da, Sletning, 5 år efter sagen er afsluttet", "en, Retention, 5 years after the case was closed" })
	void theDryRunIsAccessible(String lang, String menu, String caseFileRule) {
		login("admin");
		open("/?lang=" + lang);
		driver.findElement(By.linkText(menu)).click();
		waitFor(d -> d.getCurrentUrl().endsWith("/admin/retention"));
		assertThat(text()).contains(caseFileRule);
		assertAccessible();
		screenshot("retention-dry-run-" + lang);
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(640, 450, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}
}
