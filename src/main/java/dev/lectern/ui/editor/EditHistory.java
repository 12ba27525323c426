package dev.lectern.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The undo/redo stack of one editing session. Each edit is a command that can be undone and done again; edits made
 * by typing in one field one after the other (a burst) are kept as one entry, so one undo takes back the whole burst.
 * A burst ends when another field or another kind of edit comes, or when {@link #endBurst()} is called (the field
 * lost the focus, the document was saved). The history also knows whether the document differs from what was last
 * saved: {@link #dirtyProperty()}.
 */
public final class EditHistory {

    /** One undoable edit. */
    public interface Edit {
        /** Says what it did, for the Edit menu: "typing in Prompt", "delete question q3". */
        String label();

        void undo();

        void redo();
    }

    /** An edit made of its label and what undoes and redoes it. */
    public static Edit edit(String label, Runnable undo, Runnable redo) {
        Objects.requireNonNull(label);
        Objects.requireNonNull(undo);
        Objects.requireNonNull(redo);
        return new Edit() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public void undo() {
                undo.run();
            }

            @Override
            public void redo() {
                redo.run();
            }
        };
    }

    private record Entry(Edit edit, Object burst) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** How many entries are done; entries at and after it are undone (redo-able). */
    private int done;
    /** Where the document was saved: the value of {@link #done} then; -1 when no state on the stack is saved. */
    private int saved;
    private boolean burstOpen;
    /** Counts the times entries were dropped (redo truncated, history cleared): a save point of before then is gone. */
    private int epoch;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the document differs from what was last saved (or read). */
    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /**
     * Records an edit that has been done already. With a non-null {@code burst} equal to the last edit's, while its
     * burst is open, the two become one entry: undo then goes back to before the first.
     */
    void done(Edit edit, Object burst) {
        Objects.requireNonNull(edit);
        truncateRedo();
        if (burst != null && burstOpen && done > 0 && done != saved && Objects.equals(entries.get(done - 1).burst(), burst)) {
            Edit first = entries.get(done - 1).edit();
            entries.set(done - 1, new Entry(merged(first, edit), burst));
        } else {
            entries.add(new Entry(edit, burst));
            done++;
        }
        burstOpen = burst != null;
        update();
    }

    private void truncateRedo() {
        if (done < entries.size()) {
            entries.subList(done, entries.size()).clear();
            epoch++;
            if (saved > done) {
                saved = -1; // the saved state can no longer be reached
            }
        }
    }

    private static Edit merged(Edit first, Edit then) {
        return edit(first.label(), () -> {
            then.undo();
            first.undo();
        }, () -> {
            first.redo();
            then.redo();
        });
    }

    /** Ends the burst of typing under way: the next edit is an entry of its own. */
    public void endBurst() {
        burstOpen = false;
    }

    void undo() {
        if (done == 0) {
            return;
        }
        burstOpen = false;
        done--;
        entries.get(done).edit().undo();
        update();
    }

    void redo() {
        if (done == entries.size()) {
            return;
        }
        burstOpen = false;
        entries.get(done).edit().redo();
        done++;
        update();
    }

    /** What undo would take back; empty when nothing. */
    String undoLabel() {
        return done == 0 ? "" : entries.get(done - 1).edit().label();
    }

    String redoLabel() {
        return done == entries.size() ? "" : entries.get(done).edit().label();
    }

    /** Where the history stands: the state of the document whose bytes a save takes now. */
    record SavePoint(int done, int epoch) {
    }

    SavePoint savePoint() {
        return new SavePoint(done, epoch);
    }

    /** The document as it is now is what is on disk. */
    void markSaved() {
        markSaved(savePoint());
    }

    /**
     * The document as it was at {@code point} is what is on disk (a save written in the background, while editing
     * went on). When the history has since dropped that state, no state on the stack is the saved one.
     */
    void markSaved(SavePoint point) {
        if (point.equals(savePoint())) {
            burstOpen = false;
        }
        saved = point.epoch() == epoch ? point.done() : -1;
        update();
    }

    /** Forgets every edit (the document was read again); what is there now counts as saved. */
    void clear() {
        entries.clear();
        epoch++;
        done = 0;
        saved = 0;
        burstOpen = false;
        update();
    }

    private void update() {
        canUndo.set(done > 0);
        canRedo.set(done < entries.size());
        dirty.set(done != saved);
    }
}
