package dk.vaerdig.casework.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Meetings extends ListCrudRepository<Meeting, Long> {

	@Query("SELECT * FROM meeting WHERE candidate_id = :candidateId ORDER BY coalesce(held_at, planned_at) DESC, id DESC LIMIT :limit")
	List<Meeting> latest(long candidateId, int limit);

	@Query("SELECT * FROM meeting WHERE candidate_id = :candidateId AND status = 'HELD' ORDER BY held_at DESC LIMIT 1")
	Optional<Meeting> lastHeld(long candidateId);

	@Query("SELECT * FROM meeting WHERE candidate_id = :candidateId AND status = 'PLANNED' ORDER BY planned_at LIMIT 1")
	Optional<Meeting> nextPlanned(long candidateId);
}
