package dk.vaerdig.letters.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The API's errors: JSON {@code {"status": 400, "error": "Bad Request", "message": "…"}}; never the text sent. */
final class ApiErrors {

	private ApiErrors() {
	}

	static Map<String, Object> body(int status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		HttpStatus known = HttpStatus.resolve(status);
		body.put("error", known == null ? "Error" : known.getReasonPhrase());
		body.put("message", message);
		return body;
	}

	static void write(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + escape(String.valueOf(body(status, "").get("error")))
				+ "\",\"message\":\"" + escape(message) + "\"}");
	}

	private static String escape(String s) {
		StringBuilder out = new StringBuilder(s.length() + 8);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
