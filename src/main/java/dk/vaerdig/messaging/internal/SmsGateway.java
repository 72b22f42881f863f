package dk.vaerdig.messaging.internal;

import java.net.URI;
import java.net.http.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import dk.vaerdig.messaging.MessagingSettings;

/**
 * SMS through the municipality's SMS gateway: {@code POST <gateway-url>} with {@code Authorization: Bearer <token>}
 * and the JSON body {@code {"to": "+4520304050", "text": "..."}}; any 2xx answer means sent. A 4xx answer other than
 * 408 and 429 means the gateway refuses the message itself, so it is not tried again.
 */
class SmsGateway implements Sender {

	/** The JSON the gateway receives. */
	record SmsRequest(String to, String text) {
	}

	private final RestClient rest;

	private final URI url;

	SmsGateway(MessagingSettings.Sms settings) {
		this.url = settings.gatewayUrl();
		var factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		factory.setReadTimeout(settings.readTimeout());
		RestClient.Builder builder = RestClient.builder().requestFactory(factory);
		if (settings.token() != null && !settings.token().isBlank()) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.token().strip());
		}
		this.rest = builder.build();
	}

	@Override
	public String name() {
		return "sms-gateway";
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryFailed {
		try {
			rest.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new SmsRequest(message.recipient(), message.body()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException e) {
			// the status only: the gateway's answer may repeat the number or the text
			int status = e.getStatusCode().value();
			throw new DeliveryFailed("HTTP " + status, status >= 400 && status < 500 && status != 408 && status != 429);
		}
		catch (RestClientException e) {
			Throwable cause = e.getMostSpecificCause();
			throw new DeliveryFailed(cause.getClass().getSimpleName(), false);
		}
	}
}
