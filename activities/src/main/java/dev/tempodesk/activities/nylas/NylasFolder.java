package dev.tempodesk.activities.nylas;

import java.util.List;

/**
 * A folder or label. Map sent mail and drafts through {@code attributes} ({@code \Sent}, {@code
 * \Drafts}, ...) because folder IDs are provider-specific.
 */
public record NylasFolder(
    String id,
    String grantId,
    String object,
    String name,
    List<String> attributes,
    Boolean systemFolder,
    String parentId,
    Integer totalCount,
    Integer unreadCount,
    Integer childCount) {

  public NylasFolder {
    attributes = Lists.copy(attributes);
  }

  /** Whether the folder carries this attribute, e.g. {@code "\\Sent"}; case-insensitive. */
  public boolean hasAttribute(String attribute) {
    return attributes.stream().anyMatch(attribute::equalsIgnoreCase);
  }
}
