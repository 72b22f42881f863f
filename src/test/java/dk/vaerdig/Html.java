package dk.vaerdig;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.web.util.HtmlUtils;

/** Matches page text as a reader sees it: Thymeleaf writes æ, ø and å as HTML entities. */
public final class Html {

	private Html() {
	}

	public static Matcher<String> containsText(String expected) {
		return new TypeSafeMatcher<>() {
			@Override
			protected boolean matchesSafely(String html) {
				return HtmlUtils.htmlUnescape(html).contains(expected);
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a page containing the text ").appendValue(expected);
			}
		};
	}
}
