package dk.vaerdig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser's session over real HTTP: cookies kept, redirects not followed (so a test sees each answer), log in
 * through the login form with its CSRF token. Used where a test needs what MockMvc does not do, such as the error
 * page Tomcat forwards to, or the built jar.
 */
public final class WebSession {

	private final URI base;

	private final HttpClient http;

	private WebSession(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** A session without login. */
	public static WebSession anonymous(URI base) {
		return new WebSession(base);
	}

	/** A session logged in through the login form; fails if the login is refused. */
	public static WebSession login(URI base, String username, String password) {
		WebSession session = new WebSession(base);
		HttpResponse<byte[]> form = session.get("/login");
		String token = session.csrf(form, "/login");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", token);
		HttpResponse<byte[]> answer = session.post("/login", fields);
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("login as " + username + " refused: " + answer.statusCode() + " " + location);
		}
		return session;
	}

	/**
	 * Logs in to Min side through the demo's test login as the {@code nth} demo candidate it offers (from 0), in this
	 * session's cookie jar (beside a staff login, if there is one); returns the candidate's id. Fails if refused.
	 */
	public long loginAsDemoCandidate(int nth) {
		HttpResponse<byte[]> page = get("/min-side/test-login");
		if (page.statusCode() != 200) {
			throw new IllegalStateException("no test login: " + page.statusCode());
		}
		var forms = Jsoup.parse(text(page), page.uri().toString()).select("form[action=/min-side/test-login]");
		Map<String, String> fields = fields(forms.get(nth));
		HttpResponse<byte[]> answer = post("/min-side/test-login", fields);
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || !location.endsWith("/min-side")) {
			throw new IllegalStateException("test login refused: " + answer.statusCode() + " " + location);
		}
		return Long.parseLong(fields.get("candidateId"));
	}

	public URI base() {
		return base;
	}

	public URI resolve(String pathOrUrl) {
		return base.resolve(pathOrUrl);
	}

	public HttpResponse<byte[]> get(String pathOrUrl) {
		return get(resolve(pathOrUrl), Map.of());
	}

	public HttpResponse<byte[]> get(URI uri, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", "da");
		headers.forEach(request::header);
		return send(request.GET().build());
	}

	/** Posts a form, as a browser does ({@code application/x-www-form-urlencoded}). */
	public HttpResponse<byte[]> post(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts a form with files ({@code multipart/form-data}): the fields, then each file by field name, file name, bytes. */
	public HttpResponse<byte[]> postMultipart(String path, Map<String, String> fields, String fileField,
			Map<String, byte[]> files) {
		String boundary = "----vaerdig" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		files.forEach((name, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** The CSRF token of the form that posts to the given action on a page (or of any form if none names it). */
	public String csrf(HttpResponse<byte[]> page, String action) {
		var document = Jsoup.parse(text(page), page.uri().toString());
		Element input = document.selectFirst("form[action=" + action + "] input[name=_csrf]");
		if (input == null) {
			input = document.selectFirst("input[name=_csrf]");
		}
		if (input == null) {
			throw new IllegalStateException("no CSRF token on " + page.uri());
		}
		return input.attr("value");
	}

	/**
	 * The fields a form sends when submitted as it stands: inputs with their values (checked boxes only), the
	 * selected (or first) option of each select, and text areas; not files and buttons.
	 */
	public static Map<String, String> fields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element field : form.select("input[name], select[name], textarea[name]")) {
			String type = field.attr("type").toLowerCase(java.util.Locale.ROOT);
			if (type.equals("submit") || type.equals("file") || (type.matches("checkbox|radio") && !field.hasAttr("checked"))) {
				continue;
			}
			String value = switch (field.tagName()) {
				case "select" -> {
					Element option = field.selectFirst("option[selected]");
					option = option == null ? field.selectFirst("option") : option;
					yield option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
				}
				case "textarea" -> field.text();
				default -> field.attr("value");
			};
			fields.put(field.attr("name"), value);
		}
		return fields;
	}

	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	public static String contentType(HttpResponse<?> response) {
		return response.headers().firstValue("Content-Type").orElse("");
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(request.method() + " " + request.uri(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
