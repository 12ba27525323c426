package dev.lectern.arch.violations.course;

/** Breaks two rules on purpose: JavaFX outside ui/app, and printing outside cli/app. */
public class CourseUsingJavaFx {
    public javafx.beans.property.StringProperty title() {
        System.out.println("printing from the domain");
        return new javafx.beans.property.SimpleStringProperty();
    }
}
