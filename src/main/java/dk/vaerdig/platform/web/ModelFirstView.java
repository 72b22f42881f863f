package dk.vaerdig.platform.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A page rendered with its variables in a map of its own instead of in the request's attributes.
 * <p>
 * Thymeleaf's web context keeps a page's model as request attributes: each of the ~20 model entries is set with
 * {@code request.setAttribute} and every {@code ${…}} that names one asks {@code request.getAttribute}, which walks the
 * request wrappers of Spring Security, Spring Session and Tomcat's facade to Tomcat's attribute map. In a quiet profile
 * of the case file (3 Dec 2026) those look-ups were the largest single cost outside SpEL: about 9 % of the request
 * threads' samples. The view renders through {@link RenderRequest}, which keeps what is set while rendering in a
 * {@link HashMap} in front of the request and asks the request only for what it does not hold (the CSRF token, the
 * dispatcher's own attributes).
 */
public class ModelFirstView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
		super.render(model, new RenderRequest(request), response);
	}

	/**
	 * The request as a page sees it while it renders: attributes set or removed during the rendering live in a map of
	 * the wrapper (a removal hides the request's own attribute of that name); the others are the request's.
	 */
	static final class RenderRequest extends HttpServletRequestWrapper {

		private static final Object REMOVED = new Object();

		private final Map<String, Object> attributes = new HashMap<>(64);

		RenderRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = attributes.get(name);
			if (value == null) {
				return super.getAttribute(name);
			}
			return value == REMOVED ? null : value;
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value == null ? REMOVED : value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.put(name, REMOVED);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			attributes.forEach((name, value) -> {
				if (value == REMOVED) {
					names.remove(name);
				}
				else {
					names.add(name);
				}
			});
			return Collections.enumeration(names);
		}
	}
}
