package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.platform.RateLimits;

/** The filter against the buckets in PostgreSQL; addresses are random, since the database is shared by the tests. */
@IntegrationTest
class PublicRateLimitFilterTest {

	@Autowired
	RateLimits limits;

	static String address() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
	}

	MockHttpServletResponse call(PublicRateLimitFilter filter, String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aClientPastTheLimitGetsAPoliteTooManyRequestsOthersDoNot() throws Exception {
		PublicRateLimitFilter filter = new PublicRateLimitFilter(3, limits);
		String client = address();
		for (int i = 0; i < 3; i++) {
			assertThat(call(filter, "/s/abc", client).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse limited = call(filter, "/s/abc", client);
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(limited.getContentAsString()).contains("Vent et minut, og prøv så igen");
		// another address has its own bucket
		assertThat(call(filter, "/book/x", address()).getStatus()).isEqualTo(200);
	}

	@Test
	void theCandidatesLoginEntryPointsShareTheClientsBucketTheirOwnPagesDoNot() throws Exception {
		PublicRateLimitFilter filter = new PublicRateLimitFilter(2, limits);
		String client = address();
		assertThat(call(filter, "/min-side/login", client).getStatus()).isEqualTo(200);
		assertThat(call(filter, "/min-side/test-login", client).getStatus()).isEqualTo(200);
		assertThat(call(filter, "/min-side/test-login", client).getStatus()).isEqualTo(429);
		// a signed-in candidate's own pages are behind the login, like staff pages
		for (int i = 0; i < 3; i++) {
			assertThat(call(filter, "/min-side", client).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void pagesBehindTheLoginAndASwitchedOffLimitAreNotCounted() throws Exception {
		PublicRateLimitFilter filter = new PublicRateLimitFilter(1, limits);
		String client = address();
		for (int i = 0; i < 5; i++) {
			assertThat(call(filter, "/cases", client).getStatus()).isEqualTo(200);
		}
		PublicRateLimitFilter off = new PublicRateLimitFilter(0, limits);
		for (int i = 0; i < 5; i++) {
			assertThat(call(off, "/s/abc", client).getStatus()).isEqualTo(200);
		}
	}
}
