package dk.vaerdig.casework.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface Candidates extends ListCrudRepository<Candidate, Long> {

	Optional<Candidate> findByCpr(String cpr);
}
