package dk.vaerdig.letters.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors in JSON with a message the caller can act on: 400 for bad input, 413 for a text that is too long,
 * 415 for a body that is not the expected kind. The text sent is never repeated in the message nor logged.
 */
@RestControllerAdvice(assignableTypes = { CheckApiController.class, AnalysisApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckApiAdvice {

	/** A text longer than the API takes. */
	static final class TooLong extends RuntimeException {

		private final int maxChars;

		TooLong(int maxChars) {
			super("text too long", null, false, false);
			this.maxChars = maxChars;
		}
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException e) {
		return error(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(TooLong.class)
	ResponseEntity<Map<String, Object>> tooLong(TooLong e) {
		return error(HttpStatus.CONTENT_TOO_LARGE, "The text is longer than " + e.maxChars + " characters. Send less at a time.");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
		return error(HttpStatus.BAD_REQUEST, "Missing parameter '" + e.getParameterName() + "'.");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		return error(HttpStatus.BAD_REQUEST, "The body is not valid JSON of the expected shape: {\"text\": \"…\"}.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: send " + e.getSupportedMediaTypes() + ".");
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrors.body(status.value(), message));
	}
}
