package dev.lectern.arch.violations.ui;

/** A view that talks SQL itself (and so depends on store, closing a cycle), on purpose. */
public class ViewUsingSql {
    public java.sql.Connection connection;
    public dev.lectern.arch.violations.store.StoreUsingUi store;
}
