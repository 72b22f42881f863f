package dk.vaerdig.platform.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import dk.vaerdig.access.SignedInUser;

/**
 * The views of the pages written in jte instead of Thymeleaf: a controller returns {@code "jte:casework/web/case"}
 * and the page is {@code src/main/jte/casework/web/case.jte}, compiled to Java at build time (the jte Maven plugin;
 * the class is {@code dk.vaerdig.casework.web.JtecaseGenerated}, in its module's package). Only the case file's hot
 * pages are jte, the case page and the candidate list with its search (README, Architecture): under the case file's
 * load Thymeleaf was half of the request threads' CPU (issue 16).
 * <p>
 * A page gets its model as its parameters by name, and {@code p}, a {@link PageContext} with the texts, links, CSRF
 * token and the layout's model. Other view names are left to Thymeleaf.
 */
public final class JteViews implements ViewResolver, Ordered {

	/** The prefix of a view name that is a jte template. */
	public static final String PREFIX = "jte:";

	private final TemplateEngine engine;

	private final MessageSource messages;

	public JteViews(MessageSource messages) {
		this(TemplateEngine.createPrecompiled(null, ContentType.Html, JteViews.class.getClassLoader(), "dk.vaerdig"),
				messages);
	}

	JteViews(TemplateEngine engine, MessageSource messages) {
		this.engine = engine;
		this.messages = messages;
	}

	@Override
	public View resolveViewName(String viewName, Locale locale) {
		if (!viewName.startsWith(PREFIX)) {
			return null;
		}
		// Boot's content-negotiating resolver also asks for the name with an extension per type the browser accepts
		// ("jte:casework/web/case.xml" for application/xml): no such page, so no view, and the page itself is chosen
		String template = viewName.substring(PREFIX.length()) + ".jte";
		return engine.hasTemplate(template) ? new JteView(template, locale) : null;
	}

	/** Before Thymeleaf's resolver, which takes every name it is given. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	final class JteView implements View {

		private final String template;

		private final Locale locale;

		JteView(String template, Locale locale) {
			this.template = template;
			this.locale = locale;
		}

		@Override
		public String getContentType() {
			return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Map<String, Object> params = new HashMap<>(model == null ? Map.of() : model);
			params.put("p", page(params, request));
			// the whole page first, then out in one piece: an error halfway gives the error page, not half a page. No
			// Content-Length, as with Thymeleaf: the response ends when the request's filters have run (the session
			// saved), so the browser's next request cannot overtake them.
			Utf8ByteOutput output = new Utf8ByteOutput();
			engine.render(template, params, output);
			response.setContentType(getContentType());
			output.writeTo(response.getOutputStream());
		}

		private PageContext page(Map<String, Object> model, HttpServletRequest request) {
			if (model.get("signedIn") instanceof SignedInUser user && user.candidate()) {
				throw new IllegalStateException("The jte layout is the staff pages' layout, without the candidate's menu");
			}
			return new PageContext(messages, locale, request.getContextPath(),
					(CsrfToken) request.getAttribute(CsrfToken.class.getName()), model);
		}
	}
}
