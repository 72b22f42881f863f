package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.internal.Bookings;
import dk.vaerdig.platform.WorkingDays;

/**
 * No double booking, ever: 200 candidates of one team race (200 threads, released at once) for 20 team slots, ten for
 * each slot, and exactly 20 get one, 180 are told the slot was taken, every slot holds one candidate and one planned
 * meeting, and no meeting was left behind without a slot. The one who lost gets a friendly page with the next free
 * slots.
 */
@IntegrationTest
class SelvbookRaceIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Bookings bookings;

	@Autowired
	WorkingDays days;

	@Autowired
	MockMvc mvc;

	@Test
	void twoHundredCandidatesRacingForTwentySlotsGetExactlyTwentyBookings() throws Exception {
		SelvbookFixture f = new SelvbookFixture(jdbc);
		List<Long> slots = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			slots.add(f.slot(f.caseworker, true, SelvbookFixture.at(days, 2 + i / 8, 8 + i % 8, 0)));
		}
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			people.add(candidates.make(f.caseworker).id());
		}
		ExecutorService pool = Executors.newFixedThreadPool(200);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			long candidate = people.get(i);
			long slot = slots.get(i % 20);
			results.add(pool.submit(() -> {
				start.await();
				try {
					return bookings.book(candidate, slot, null, UUID.randomUUID()).name();
				}
				catch (Bookings.Taken e) {
					return "TAKEN";
				}
			}));
		}
		start.countDown();
		int booked = 0;
		int taken = 0;
		for (Future<String> r : results) {
			String outcome = r.get(120, TimeUnit.SECONDS);
			if (outcome.equals("BOOKED")) {
				booked++;
			}
			else if (outcome.equals("TAKEN")) {
				taken++;
			}
		}
		pool.shutdown();
		assertThat(booked).isEqualTo(20);
		assertThat(taken).isEqualTo(180);
		String ids = people.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
		assertThat(jdbc.sql("SELECT count(*) FROM booking_slot WHERE team_id = ? AND status = 'BOOKED'").param(f.team)
			.query(Long.class).single()).isEqualTo(20);
		assertThat(jdbc.sql("SELECT count(DISTINCT candidate_id) FROM booking_slot WHERE team_id = ?").param(f.team)
			.query(Long.class).single()).isEqualTo(20);
		assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id IN (" + ids + ")").query(Long.class).single())
			.isEqualTo(20);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM meeting m WHERE m.candidate_id IN (""" + ids + """
				) AND NOT EXISTS (SELECT 1 FROM booking_slot s WHERE s.meeting_id = m.id AND s.candidate_id = m.candidate_id
				  AND s.starts_at = m.planned_at)""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM booking_action WHERE candidate_id IN (" + ids + ")").query(Long.class)
			.single()).isEqualTo(20);
	}

	@Test
	void theOneWhoLostGetsAFriendlyPageWithTheNextFreeSlots() throws Exception {
		SelvbookFixture f = new SelvbookFixture(jdbc);
		long first = candidates.make(f.caseworker).id();
		long second = candidates.make(f.caseworker).id();
		long slot = f.slot(f.caseworker, true, SelvbookFixture.at(days, 3, 9, 0));
		long next = f.slot(f.caseworker, true, SelvbookFixture.at(days, 3, 10, 0));
		bookings.book(first, slot, null, UUID.randomUUID());
		var answer = mvc.perform(post("/min-side/tider/book").with(SelvbookIntegrationTest.as(second)).with(csrf())
			.param("slotId", String.valueOf(slot)).param("requestId", UUID.randomUUID().toString())).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(409);
		assertThat(answer.getContentAsString()).contains("En anden nåede at tage tiden")
			.contains("name=\"slotId\" value=\"" + next + "\"");
	}
}
