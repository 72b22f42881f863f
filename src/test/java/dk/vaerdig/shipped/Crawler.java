package dk.vaerdig.shipped;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dk.vaerdig.WebSession;

/**
 * Follows every same-origin link a user can reach, breadth first, with GET only: anchors, forms that GET, htmx's
 * {@code hx-get}, style sheets, scripts and images. It visits one address per URL shape (numbers and keys in the path
 * become placeholders, query values are dropped), never logs out, and stops after a bound. It records every answer
 * of 500 or more, every asset that is missing, and opens every PDF, CSV and XLSX it gets.
 */
final class Crawler {

	/** An address visited: what came back, and for a file what was found in it. */
	record Visit(String role, URI uri, int status, String contentType, String file) {
	}

	private static final Pattern NUMBER = Pattern.compile("-?\\d+");

	/** Keys and tokens: long, and with a digit (UUIDs, survey tokens, booking keys). */
	private static final Pattern KEY = Pattern.compile("(?=.*\\d)[A-Za-z0-9_-]{12,}");

	private final WebSession session;

	private final String role;

	private final int maxVisits;

	private final List<Visit> visits = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final Set<String> shapes = new HashSet<>();

	private final Deque<Link> queue = new ArrayDeque<>();

	private record Link(URI uri, boolean htmx, boolean asset) {
	}

	Crawler(WebSession session, String role, int maxVisits) {
		this.session = session;
		this.role = role;
		this.maxVisits = maxVisits;
	}

	/** Crawls from the given paths; returns the visits (the failures are in {@link #failures()}). */
	List<Visit> crawl(String... starts) {
		for (String start : starts) {
			offer(session.resolve(start), false, false);
		}
		while (!queue.isEmpty() && visits.size() < maxVisits) {
			Link link = queue.poll();
			visit(link);
		}
		return visits;
	}

	List<String> failures() {
		return failures;
	}

	/** The distinct shapes of the addresses visited, for the report. */
	Set<String> shapesVisited() {
		return new TreeSet<>(shapes);
	}

	private void visit(Link link) {
		HttpResponse<byte[]> response;
		try {
			response = session.get(link.uri(), link.htmx() ? Map.of("HX-Request", "true") : Map.of());
		}
		catch (RuntimeException e) {
			failures.add("no answer: GET " + link.uri() + " as " + role + ": " + e);
			return;
		}
		int status = response.statusCode();
		String file = null;
		if (status >= 500) {
			failures.add(status + " GET " + link.uri() + " as " + role);
		}
		else if (link.asset() && status >= 400) {
			failures.add("missing asset " + status + " GET " + link.uri() + " as " + role);
		}
		else if (status == 200 && Downloads.isFile(response)) {
			try {
				file = Downloads.check(response);
			}
			catch (Exception | AssertionError e) {
				failures.add("file does not open: GET " + link.uri() + " as " + role + ": " + e);
			}
		}
		else if (status == 200 && Downloads.looksLikeFile(link.uri().getPath())) {
			failures.add("not a PDF, CSV or XLSX: GET " + link.uri() + " as " + role + " gave " + WebSession.contentType(response));
		}
		visits.add(new Visit(role, link.uri(), status, WebSession.contentType(response), file));
		if (status >= 300 && status < 400) {
			response.headers().firstValue("Location").ifPresent(l -> offer(link.uri().resolve(l), false, false));
		}
		else if (status == 200 && WebSession.contentType(response).startsWith("text/html")) {
			links(Jsoup.parse(WebSession.text(response), link.uri().toString()));
		}
	}

	private void links(Document page) {
		for (Element a : page.select("a[href]")) {
			offer(a.absUrl("href"), false, false);
		}
		for (Element element : page.select("[hx-get]")) {
			offer(element.absUrl("hx-get"), true, false);
		}
		for (Element form : page.select("form")) {
			if (form.attr("method").equalsIgnoreCase("get") || form.attr("method").isBlank()) {
				offer(getForm(form), false, false);
			}
		}
		for (Element asset : page.select("link[rel=stylesheet][href], script[src], img[src]")) {
			offer(asset.hasAttr("src") ? asset.absUrl("src") : asset.absUrl("href"), false, true);
		}
	}

	/** The address a form that GETs goes to when submitted as it stands. */
	private static String getForm(Element form) {
		String action = form.hasAttr("action") ? form.absUrl("action") : form.baseUri();
		StringBuilder query = new StringBuilder();
		WebSession.fields(form).forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		int hash = action.indexOf('#');
		action = hash < 0 ? action : action.substring(0, hash);
		int question = action.indexOf('?');
		return (question < 0 ? action : action.substring(0, question)) + "?" + query;
	}

	private void offer(String url, boolean htmx, boolean asset) {
		if (url == null || url.isBlank()) {
			return;
		}
		try {
			offer(new URI(url), htmx, asset);
		}
		catch (URISyntaxException e) {
			failures.add("malformed link " + url + " as " + role);
		}
	}

	private void offer(URI uri, boolean htmx, boolean asset) {
		URI base = session.base();
		if (!"http".equals(uri.getScheme()) || !base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
			return;
		}
		String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
		if (path.contains("logout")) {
			return;
		}
		URI clean = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
		if (shapes.add(shape(path, uri.getRawQuery()) + (htmx ? " htmx" : ""))) {
			queue.add(new Link(clean, htmx, asset));
		}
	}

	/** The address with numbers and keys in the path as placeholders and only the names of the query's parameters. */
	static String shape(String path, String query) {
		StringBuilder shape = new StringBuilder();
		for (String segment : path.split("/", -1)) {
			shape.append(shape.isEmpty() && segment.isEmpty() ? "" : "/")
				.append(NUMBER.matcher(segment).matches() ? "{n}" : KEY.matcher(segment).matches() ? "{key}" : segment);
		}
		Set<String> names = new TreeSet<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				String name = pair.split("=", 2)[0];
				if (!name.isEmpty() && !name.equals("lang") && !name.equals("_csrf")) {
					names.add(name);
				}
			}
		}
		return shape + (names.isEmpty() ? "" : "?" + String.join("&", names));
	}
}
