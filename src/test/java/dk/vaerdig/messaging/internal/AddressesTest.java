package dk.vaerdig.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

	@ParameterizedTest
	@CsvSource({ "20304050, +4520304050", "'20 30 40 50', +4520304050", "'+45 20 30 40 50', +4520304050",
			"0045-20304050, +4520304050", "'+44 7700 900123', +447700900123", "' (+45) 2030 4050 ', +4520304050" })
	void danishNumbersGetTheirCountryCodeAndForeignOnesKeepTheirs(String raw, String expected) {
		assertThat(Addresses.phone(raw)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "2030405", "203040501", "+45", "++4520304050", "+0452030405" })
	void whatIsNoPhoneNumberIsRefused(String raw) {
		assertThat(Addresses.phone(raw)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "mette", "mette@", "@eksempel.dk", "mette@eksempel", "mette kjaer@eksempel.dk",
			"a@b@eksempel.dk", "mette@eksempel." })
	void whatIsNoEmailAddressIsRefused(String raw) {
		assertThat(Addresses.email(raw)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "' mette.kjaer@eksempel.dk ', mette.kjaer@eksempel.dk", "ø@æble.dk, ø@æble.dk" })
	void anEmailAddressLosesItsSpaces(String raw, String expected) {
		assertThat(Addresses.email(raw)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "+4520304050, …50", "mette.kjaer@eksempel.dk, m…@eksempel.dk" })
	void staffSeeTooLittleOfTheRecipientToContactThem(String recipient, String masked) {
		assertThat(Addresses.masked(recipient)).isEqualTo(masked);
	}
}
