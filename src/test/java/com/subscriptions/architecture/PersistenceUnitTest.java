package com.subscriptions.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** persistence.xml lists its classes (WildFly scans none for the WAR's Hibernate): every entity, mapped superclass and converter. */
class PersistenceUnitTest {

    @Test
    void listsEveryEntityMappedSuperclassAndConverter() throws IOException {
        Set<String> annotated = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.subscriptions")) {
            if (type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(MappedSuperclass.class)
                    || type.isAnnotatedWith(Converter.class)) {
                annotated.add(type.getName());
            }
        }
        assertThat(annotated).isNotEmpty();
        assertThat(listedClasses()).isEqualTo(annotated);
    }

    private static Set<String> listedClasses() throws IOException {
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            Matcher listed = Pattern.compile("<class>([^<]+)</class>").matcher(new String(xml.readAllBytes()));
            Set<String> classes = new TreeSet<>();
            while (listed.find()) {
                classes.add(listed.group(1).trim());
            }
            return classes;
        }
    }
}
