{{/* The release's name for every object, at most 63 characters. */}}
{{- define "tandem.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tandem.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tandem.labels" -}}
{{ include "tandem.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "tandem.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tandem.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tandem.policiesConfigMap" -}}
{{- default (printf "%s-policies" (include "tandem.fullname" .)) .Values.policies.existingConfigMap -}}
{{- end -}}

{{- define "tandem.profilesConfigMap" -}}
{{- default (printf "%s-profiles" (include "tandem.fullname" .)) .Values.profiles.existingConfigMap -}}
{{- end -}}

{{/*
The RBAC rules Tandem needs, one per resource, exactly as k8s-actuator's RbacRules lists them
(a test renders the chart and compares): reads of the targets, update of their /scale, and what
the safety checks, leader election, Events, the doctor and the API's authentication call.
*/}}
{{- define "tandem.rules" -}}
{{- $read := list "get" "list" "watch" -}}
{{- $scale := list "get" "update" "patch" -}}
{{- with .Values.targets }}
{{- if .grove }}
- apiGroups: ["grove.io"]
  resources: ["podcliques", "podcliquescalinggroups", "podcliquesets"]
  verbs: {{ toJson $read }}
- apiGroups: ["grove.io"]
  resources: ["podcliques/scale", "podcliquescalinggroups/scale"]
  verbs: {{ toJson $scale }}
- apiGroups: ["scheduler.grove.io"]
  resources: ["podgangs"]
  verbs: {{ toJson $read }}
{{- end }}
{{- if .leaderWorkerSet }}
- apiGroups: ["leaderworkerset.x-k8s.io"]
  resources: ["leaderworkersets"]
  verbs: {{ toJson $read }}
- apiGroups: ["leaderworkerset.x-k8s.io"]
  resources: ["leaderworkersets/scale"]
  verbs: {{ toJson $scale }}
{{- end }}
{{- if .disaggregatedSet }}
- apiGroups: ["disaggregatedset.x-k8s.io"]
  resources: ["disaggregatedsets", "disaggregatedsetrolescalers"]
  verbs: {{ toJson $read }}
- apiGroups: ["disaggregatedset.x-k8s.io"]
  resources: ["disaggregatedsetrolescalers/scale"]
  verbs: {{ toJson $scale }}
{{- end }}
{{- if .dynamo }}
- apiGroups: ["nvidia.com"]
  resources: ["dynamographdeployments"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["nvidia.com"]
  resources: ["dynamographdeploymentscalingadapters"]
  verbs: {{ toJson $read }}
- apiGroups: ["nvidia.com"]
  resources: ["dynamographdeploymentscalingadapters/scale"]
  verbs: {{ toJson $scale }}
{{- end }}
{{- if or .deployments .statefulSets }}
- apiGroups: ["apps"]
  resources: {{ toJson (concat (ternary (list "deployments") list .deployments) (ternary (list "statefulsets") list .statefulSets)) }}
  verbs: {{ toJson $read }}
- apiGroups: ["apps"]
  resources: {{ toJson (concat (ternary (list "deployments/scale") list .deployments) (ternary (list "statefulsets/scale") list .statefulSets)) }}
  verbs: {{ toJson $scale }}
{{- end }}
{{- range .extra }}
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ .resource | quote }}]
  verbs: {{ toJson $read }}
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ printf "%s/scale" .resource | quote }}]
  verbs: {{ toJson $scale }}
{{- end }}
{{- end }}
- apiGroups: [""]
  resources: ["pods"]
  verbs: {{ toJson $read }}
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: {{ toJson $read }}
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects"]
  verbs: {{ toJson $read }}
{{- end -}}
