package dev.taskflow.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Maps tags to a PostgreSQL {@code text[]}: the driver binds a {@code String[]} as a text array and
 * reads the column back as a {@link java.sql.Array}.
 */
@Converter
public class TagsConverter implements AttributeConverter<List<String>, Object> {

  @Override
  public Object convertToDatabaseColumn(List<String> tags) {
    return tags == null ? new String[0] : tags.toArray(String[]::new);
  }

  @Override
  public List<String> convertToEntityAttribute(Object column) {
    if (column == null) {
      return List.of();
    }
    if (column instanceof String[] values) {
      return List.of(values);
    }
    if (column instanceof Array array) {
      try {
        return List.of((String[]) array.getArray());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read tags", e);
      }
    }
    if (column instanceof Object[] values) {
      return Arrays.stream(values).map(String::valueOf).toList();
    }
    throw new IllegalStateException("unexpected tags column type " + column.getClass());
  }
}
