//! Data issues: whatever part of the record the service could not understand.
//!
//! An issue names the resource (type and id) and the element, and says what was wrong in
//! words that carry no patient data, so it can be logged at `warn` and counted. The optional
//! `detail` may quote what the client sent; it is returned to the client (who sent it) but
//! never logged above debug level.

use std::fmt;

/// Which resource an issue or a fact comes from: `Condition/123`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    resource_type: String,
    id: Option<String>,
    /// Where the resource sat in the request when it has no id, e.g. `prefetch.conditions[3]`.
    locator: Option<String>,
}

impl ResourceRef {
    /// A reference to a resource with an id.
    pub fn new(resource_type: impl Into<String>, id: impl Into<String>) -> Self {
        ResourceRef {
            resource_type: resource_type.into(),
            id: Some(id.into()),
            locator: None,
        }
    }

    /// A resource without an id, located by its place in the request.
    pub fn unidentified(resource_type: impl Into<String>, locator: impl Into<String>) -> Self {
        ResourceRef {
            resource_type: resource_type.into(),
            id: None,
            locator: Some(locator.into()),
        }
    }

    /// The FHIR resource type.
    pub fn resource_type(&self) -> &str {
        &self.resource_type
    }

    /// The logical id, when the resource has one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// `Type/id` when the resource has an id: the form CDS Hooks `resourceId` and
    /// `context.selections` use.
    pub fn relative(&self) -> Option<String> {
        self.id
            .as_ref()
            .map(|id| format!("{}/{}", self.resource_type, id))
    }
}

impl fmt::Display for ResourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.id, &self.locator) {
            (Some(id), _) => write!(f, "{}/{}", self.resource_type, id),
            (None, Some(locator)) => write!(f, "{} at {}", self.resource_type, locator),
            (None, None) => write!(f, "{}", self.resource_type),
        }
    }
}

/// What was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IssueKind {
    /// An element the service reads has the wrong JSON type.
    WrongType,
    /// A date/dateTime could not be read.
    UnreadableDate,
    /// A number could not be read, or is not finite or is negative where it cannot be.
    UnreadableNumber,
    /// A quantity's unit is not one the service can convert.
    UnknownUnit,
    /// A coded value is not one the service knows in a slot that requires one.
    UnknownCode,
    /// A value of the wrong kind for the finding (e.g. a boolean finding given as a string).
    WrongValueType,
    /// A bundle entry or prefetch value is not a FHIR resource.
    NotAResource,
    /// A reference could not be resolved inside the request.
    UnresolvedReference,
    /// A status code the service does not know.
    UnknownStatus,
    /// The resource failed FHIR R4 model validation (fhirbolt, Strict).
    InvalidResource,
    /// A search result was cut at the page limit.
    Truncated,
    /// The same resource appeared twice with different content; the first was kept.
    Duplicate,
}

impl IssueKind {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::WrongType => "wrong-type",
            IssueKind::UnreadableDate => "unreadable-date",
            IssueKind::UnreadableNumber => "unreadable-number",
            IssueKind::UnknownUnit => "unknown-unit",
            IssueKind::UnknownCode => "unknown-code",
            IssueKind::WrongValueType => "wrong-value-type",
            IssueKind::NotAResource => "not-a-resource",
            IssueKind::UnresolvedReference => "unresolved-reference",
            IssueKind::UnknownStatus => "unknown-status",
            IssueKind::InvalidResource => "invalid-resource",
            IssueKind::Truncated => "truncated",
            IssueKind::Duplicate => "duplicate",
        }
    }
}

/// One thing the service could not understand, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataIssue {
    /// The resource concerned.
    pub resource: ResourceRef,
    /// The element concerned (FHIRPath-like), e.g. `onsetDateTime`.
    pub element: String,
    /// What was wrong.
    pub kind: IssueKind,
    /// A readable explanation that may quote client data; never logged above debug.
    pub detail: Option<String>,
}

impl DataIssue {
    /// An issue without detail.
    pub fn new(resource: ResourceRef, element: impl Into<String>, kind: IssueKind) -> Self {
        DataIssue {
            resource,
            element: element.into(),
            kind,
            detail: None,
        }
    }

    /// Adds a readable explanation (may quote client data).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Logs the issue without patient data.
    pub fn log(&self) {
        tracing::warn!(
            resource_type = self.resource.resource_type(),
            resource_id = self.resource.id().unwrap_or(""),
            element = %self.element,
            issue = self.kind.as_str(),
            "data issue"
        );
    }
}

impl fmt::Display for DataIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.resource,
            self.element,
            self.kind.as_str()
        )?;
        if let Some(detail) = &self.detail {
            write!(f, " ({detail})")?;
        }
        Ok(())
    }
}
