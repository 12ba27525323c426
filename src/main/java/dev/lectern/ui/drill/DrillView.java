package dev.lectern.ui.drill;

/** A drill's view; {@link #dispose()} is called when the drill is left, to stop timers and key handlers. */
public interface DrillView {

    void dispose();

    /** Puts the keyboard focus where the student starts. */
    void focusFirst();
}
