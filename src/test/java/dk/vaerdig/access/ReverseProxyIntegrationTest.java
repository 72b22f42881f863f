package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dk.vaerdig.IntegrationTest;

/**
 * X-Forwarded headers over real HTTP to the embedded Tomcat, from two addresses of this machine: 127.0.0.1, the
 * trusted proxy of the default configuration, and 127.0.0.2, any other client. The headers are used from the proxy
 * and ignored from anyone else, so a client cannot choose its address (and escape the rate limit of the public
 * pages) or pass for HTTPS.
 */
@IntegrationTest
@TestPropertySource(properties = "vaerdig.access.staff-cache-ttl=200ms")
@Import(TestRemoteAddressEcho.class) // the same context as StaffRecheckIntegrationTest
class ReverseProxyIntegrationTest {

	static final String PROXY = "127.0.0.1";

	static final String STRANGER = "127.0.0.2";

	@LocalServerPort
	int port;

	@Test
	void aForgedForwardedForFromAnUntrustedAddressIsIgnored() throws IOException {
		assertThat(body(request(STRANGER, "/test/remote-address", "X-Forwarded-For: 203.0.113.9",
				"X-Forwarded-Proto: https"))).isEqualTo(STRANGER + " false http");
	}

	@Test
	void fromTheTrustedProxyTheClientAddressAndSchemeAreUsed() throws IOException {
		assertThat(body(request(PROXY, "/test/remote-address", "X-Forwarded-For: 203.0.113.9",
				"X-Forwarded-Proto: https"))).isEqualTo("203.0.113.9 true https");
		assertThat(body(request(PROXY, "/test/remote-address", "X-Forwarded-For: 203.0.113.9")))
			.isEqualTo("203.0.113.9 false http");
		// a client that sends its own X-Forwarded-For through the proxy: the proxy appends the address it saw, and
		// that one counts, not the forged one before it
		assertThat(body(request(PROXY, "/test/remote-address", "X-Forwarded-For: 198.51.100.66, 203.0.113.9")))
			.isEqualTo("203.0.113.9 false http");
	}

	@Test
	void overHttpsThroughTheProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
		String viaProxy = request(PROXY, "/login", "X-Forwarded-For: 203.0.113.9", "X-Forwarded-Proto: https");
		assertThat(status(viaProxy)).isEqualTo(200);
		assertThat(header(viaProxy, "Strict-Transport-Security")).startsWith("max-age=");
		assertThat(header(viaProxy, "Set-Cookie")).startsWith("SESSION=").containsIgnoringCase("; Secure");

		String forged = request(STRANGER, "/login", "X-Forwarded-Proto: https");
		assertThat(status(forged)).isEqualTo(200);
		assertThat(header(forged, "Strict-Transport-Security")).isNull();
		assertThat(header(forged, "Set-Cookie")).startsWith("SESSION=").doesNotContainIgnoringCase("secure");
	}

	/** A GET from the given local address, as raw HTTP/1.1 (the JDK's HTTP client cannot choose its address). */
	String request(String from, String path, String... headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nAccept: text/html\r\nAccept-Language: da\r\nConnection: close\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	static String header(String response, String name) {
		List<String> lines = response.substring(0, response.indexOf("\r\n\r\n")).lines().toList();
		return lines.stream()
			.filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
			.map(l -> l.substring(name.length() + 1).strip())
			.findFirst()
			.orElse(null);
	}

	/** The body of a response (chunked or not: the echo answers in one chunk at most). */
	static String body(String response) {
		assertThat(status(response)).as(response).isEqualTo(200);
		String body = response.substring(response.indexOf("\r\n\r\n") + 4);
		if ("chunked".equalsIgnoreCase(header(response, "Transfer-Encoding"))) {
			int size = body.indexOf("\r\n");
			int length = Integer.parseInt(body.substring(0, size).strip(), 16);
			return body.substring(size + 2, size + 2 + length);
		}
		return body;
	}
}
