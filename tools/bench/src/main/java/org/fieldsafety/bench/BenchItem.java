package org.fieldsafety.bench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The smallest event-sourced aggregate: each {@link Create} command appends one {@link Created} event. */
public class BenchItem {

    public record Create(@TargetAggregateIdentifier String id, String text) {}

    public record Created(String id, String text) {}

    @AggregateIdentifier
    private String id;

    BenchItem() {}

    @CommandHandler
    BenchItem(Create command) {
        apply(new Created(command.id(), command.text()));
    }

    @EventSourcingHandler
    void on(Created event) {
        id = event.id();
    }
}
