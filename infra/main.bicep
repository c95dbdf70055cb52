// Verifier on Azure Functions Flex Consumption. Deployed with `azd up` (azure.yaml at the repository root).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for every resource. Only regions with Flex Consumption are accepted, so a wrong choice fails before anything is created; list the current ones with `az functionapp list-flexconsumption-locations -o table` and add a new region here.')
// The quickstart's list (Azure-Samples/functions-quickstart-dotnet-azd) plus westus3.
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'eastus2euap'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user, granted blob access for debugging. Empty for none.')
param principalId string = ''

@description('Kind of principal principalId is. azd sets AZURE_PRINCIPAL_TYPE: User interactively, ServicePrincipal from CI.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Comma-separated origins allowed to call the API from browsers; "*" allows any origin (no credentials).')
param allowedCorsOrigins string = '*'

@description('Issuer-binding policy for the whole deployment (docs/security.md): default accepts document- and origin-level proof of the issuer, strict only document-level, lenient reports an unproven issuer as a warning. A request may choose another with policy=.')
@allowed([
  'default'
  'strict'
  'lenient'
])
param issuerPolicy string = 'default'

@minValue(1)
@maxValue(120)
@description('Overall deadline of one verification, in seconds; every fetch is cancelled when it passes.')
param requestDeadlineSeconds int = 10

@minValue(1024)
@maxValue(104857600)
@description('Largest request body accepted, in bytes.')
param maxBodyBytes int = 10485760

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Integrate the app with a new VNet and reach storage over private endpoints.')
param vnetEnabled bool = false

@description('Probe /api/health/ready from three regions with an Application Insights standard availability test.')
param availabilityTestEnabled bool = true

@description('Issuer registries, in order of authority (the first that lists an issuer supplies its name): objects with name, type (dcc-legacy, oidf or local) and url (dcc-legacy), trustAnchor (oidf, optionally jwks: { keys: [ JWK ] } to pin the anchor\'s key) or blob (local: a blob name in the deployment\'s storage account, read with its managed identity). Empty by default: whom to trust is the operator\'s choice. The metadata example lists the Digital Credentials Consortium\'s public registries (README, "Known issuers").')
@metadata({
  example: [
    {
      name: 'DCC Member Registry (test)'
      type: 'oidf'
      trustAnchor: 'https://test.registry.dcconsortium.org'
    }
    {
      name: 'DCC Member Registry'
      type: 'oidf'
      trustAnchor: 'https://registry.dcconsortium.org'
    }
    {
      name: 'DCC Sandbox Registry'
      type: 'dcc-legacy'
      url: 'https://digitalcredentials.github.io/sandbox-registry/registry.json'
    }
    {
      name: 'DCC Community Registry'
      type: 'dcc-legacy'
      url: 'https://digitalcredentials.github.io/community-registry/registry.json'
    }
  ]
})
param issuerRegistries array = []

@description('Make an issuer that no configured registry lists an error for the whole deployment; a request may choose with requireKnownIssuer=.')
param requireKnownIssuer bool = false

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}verifier-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var cacheContainerName = 'verifier-cache'
var jobsContainerName = 'verifier-jobs'
// Fixed: the queue trigger of JobBatchFunction names it at build time (Verifier.Storage JobQueue.Name).
var jobsQueueName = 'verifier-jobs'
var corsOrigins = map(split(allowedCorsOrigins, ','), o => trim(o))
// Verifier:Registries as app settings (Verifier__Registries__0__Name, …, Verifier__Registries__0__Jwks__Keys__0__X).
var registrySettings = toObject(
  flatten(map(range(0, length(issuerRegistries)), i => map(
    filter(items(issuerRegistries[i]), p => p.key != 'jwks'),
    p => { key: 'Verifier__Registries__${i}__${p.key}', value: string(p.value) }))),
  e => e.key,
  e => e.value)
var registryKeySettings = toObject(
  flatten(map(range(0, length(issuerRegistries)), i => flatten(map(
    range(0, length(issuerRegistries[i].?jwks.?keys ?? [])),
    j => map(items(issuerRegistries[i].jwks.keys[j]), p => { key: 'Verifier__Registries__${i}__Jwks__Keys__${j}__${p.key}', value: string(p.value) }))))),
  e => e.key,
  e => e.value)

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}verifier-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    cacheContainerName: cacheContainerName
    jobsContainerName: jobsContainerName
    jobsQueueName: jobsQueueName
    vnetEnabled: vnetEnabled
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module vnet 'app/vnet.bicep' = if (vnetEnabled) {
  name: 'vnet'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    virtualNetworkSubnetId: vnetEnabled ? vnet!.outputs.appSubnetId : ''
    verifierSettings: union(
      toObject(range(0, length(corsOrigins)), i => 'Verifier__Http__AllowedOrigins__${i}', i => corsOrigins[i]),
      registrySettings,
      registryKeySettings,
      {
        Verifier__Policy: issuerPolicy
        Verifier__RequireKnownIssuer: string(requireKnownIssuer)
        Verifier__RequestDeadline: '00:${padLeft(string(requestDeadlineSeconds / 60), 2, '0')}:${padLeft(string(requestDeadlineSeconds % 60), 2, '0')}'
        Verifier__Http__MaxBodyBytes: string(maxBodyBytes)
        Verifier__Cache__BlobServiceUri: storage.outputs.blobEndpoint
        Verifier__Cache__ContainerName: cacheContainerName
        Verifier__Cache__ManagedIdentityClientId: identity.outputs.clientId
        // Jobs (docs/jobs.md): manifests and results in a container, batches on the account's queue, both with the
        // app's identity (Storage Blob Data Owner, Storage Queue Data Contributor: app/rbac.bicep). The trigger reads
        // the queue through AzureWebJobsStorage__queueServiceUri with the same identity (app/api.bicep).
        Verifier__Jobs__BlobServiceUri: storage.outputs.blobEndpoint
        Verifier__Jobs__QueueServiceUri: storage.outputs.queueEndpoint
        Verifier__Jobs__ManagedIdentityClientId: identity.outputs.clientId
        Verifier__Jobs__ContainerName: jobsContainerName
      })
  }
}

module availability 'app/availability.bicep' = if (availabilityTestEnabled) {
  name: 'availability'
  scope: rg
  params: {
    name: '${abbrs.insightsWebTests}ready-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    hostName: api.outputs.defaultHostName
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'
output VERIFIER_READY_URL string = 'https://${api.outputs.defaultHostName}/api/health/ready'
output VERIFIER_VERIFY_URL string = 'https://${api.outputs.defaultHostName}/api/verify'
output VERIFIER_JOBS_URL string = 'https://${api.outputs.defaultHostName}/api/jobs'
