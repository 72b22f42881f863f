package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The year's goals and the committee's report, reached from the menu as politician, manager and team lead, in Danish
 * and English: axe-core (WCAG 2.1 A and AA) and no sideways scrolling on a phone or at 200 % zoom; and a manager's goal
 * form with its errors.
 */
class GoalsBrowserTest extends BrowserTest {

	@ParameterizedTest(name = "{2} as {0} ({1})")
	@CsvSource({ "politiker, da, Årets mål, /insights/goals", "leder, en, The year's goals, /insights/goals",
			"teamleder, da, Årets mål, /insights/goals", "politiker, da, Rapport til udvalget, /insights/committee-report",
			"leder, da, Rapport til udvalget, /insights/committee-report",
			"teamleder, en, Committee report, /insights/committee-report" })
	void thePagesAreReachedFromTheMenuAndAccessible(String user, String lang, String menu, String path) {
		login(user);
		open("/?lang=" + lang);
		driver.findElement(By.linkText(menu)).click();
		waitFor(d -> d.getCurrentUrl().contains(path));
		assertAccessible();
		viewport(320, 640, 1);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
		viewport(640, 450, 2);
		driver.navigate().refresh();
		assertNoHorizontalScroll();
	}

	@Test
	void aManagerRecordsAGoalAfterCorrectingTheErrors() {
		login("leder");
		open("/insights/goals");
		type("title", "Flere føler sig mødt med respekt (browser)");
		new Select(find("#measureCode")).selectByValue("DIGNITY_POSITIVE");
		type("target", "120");
		type("owner", "Jobcenterchefen");
		submit("form.form");
		assertThat(text()).contains("Formularen har fejl", "En andel kan højst være 100 %.");
		assertAccessible();
		find("#target").clear();
		type("target", "80");
		submit("form.form");
		assertThat(text()).contains("Målet er gemt.", "Flere føler sig mødt med respekt (browser)",
				"Årets mål " + Year.now().getValue());
		assertAccessible();
	}
}
